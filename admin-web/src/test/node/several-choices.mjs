// The official `openai` npm SDK streaming several choices (n = 3) with log probabilities and the usage, reassembled by
// the SDK's own ChatCompletionStream. Prints one JSON object with what it saw; exits non-zero on any failure.
import OpenAI from 'openai';
import { answersRecorded, recordingFetch } from './answers.mjs';

const client = new OpenAI({ baseURL: process.env.GATEWAY_BASE_URL, apiKey: process.env.GATEWAY_KEY, maxRetries: 0, fetch: recordingFetch });
const stream = client.chat.completions.stream({
  model: process.env.MODEL,
  messages: [{ role: 'user', content: 'Answer three times' }],
  n: 3,
  logprobs: true,
  stream_options: { include_usage: true },
});
const indices = [];
for await (const chunk of stream) {
  // The choice of each piece of text, in the order they came.
  for (const choice of chunk.choices) if (choice.delta?.content) indices.push(choice.index);
}
const completion = await stream.finalChatCompletion();
await answersRecorded();
console.log(JSON.stringify({
  indices,
  choices: completion.choices.map((choice) => ({
    index: choice.index,
    content: choice.message.content,
    finishReason: choice.finish_reason,
    tokens: (choice.logprobs?.content ?? []).map((token) => token.token),
  })),
  usage: completion.usage,
}));
