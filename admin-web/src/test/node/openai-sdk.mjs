// The official `openai` npm SDK against the gateway: a tool round trip (blocking), a streamed tool call, and a
// Responses API call. Prints one JSON object with what it saw; exits non-zero on any failure.
import OpenAI from 'openai';

const client = new OpenAI({ baseURL: process.env.GATEWAY_BASE_URL, apiKey: process.env.GATEWAY_KEY, maxRetries: 0 });
const model = process.env.MODEL;
const tools = [{
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'The weather in a city',
    parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
    strict: true,
  },
}];

const messages = [{ role: 'user', content: 'What is the weather in Paris?' }];
const first = await client.chat.completions.create({ model, messages, tools, tool_choice: 'auto' });
const call = first.choices[0].message.tool_calls[0];
messages.push(first.choices[0].message);
messages.push({ role: 'tool', tool_call_id: call.id, content: `Sunny in ${JSON.parse(call.function.arguments).city}` });
const second = await client.chat.completions.create({ model, messages, tools });

const stream = await client.chat.completions.create({ model, messages: messages.slice(0, 1), tools, stream: true });
let streamedName = '';
let streamedArguments = '';
let streamedFinish = null;
for await (const chunk of stream) {
  const choice = chunk.choices[0];
  if (!choice) continue;
  for (const toolCall of choice.delta.tool_calls ?? []) {
    streamedName += toolCall.function?.name ?? '';
    streamedArguments += toolCall.function?.arguments ?? '';
  }
  streamedFinish = choice.finish_reason ?? streamedFinish;
}

const response = await client.responses.create({ model, input: 'Say something' });

console.log(JSON.stringify({
  firstFinish: first.choices[0].finish_reason,
  toolName: call.function.name,
  toolArguments: call.function.arguments,
  answer: second.choices[0].message.content,
  streamedName,
  streamedArguments,
  streamedFinish,
  responsesText: response.output_text,
}));
