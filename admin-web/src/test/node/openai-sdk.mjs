// The official `openai` npm SDK against the gateway: a tool round trip (blocking), a streamed tool call, a
// Responses API call, and a Responses API function call streamed as its events. Prints one JSON object with what it saw; exits non-zero on any failure.
import OpenAI from 'openai';
import { answersRecorded, recordingFetch } from './answers.mjs';

const client = new OpenAI({ baseURL: process.env.GATEWAY_BASE_URL, apiKey: process.env.GATEWAY_KEY, maxRetries: 0, fetch: recordingFetch });
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

const responseStream = await client.responses.create({
  model,
  input: 'What is the weather in Paris?',
  tools: [{ type: 'function', name: 'get_weather', parameters: tools[0].function.parameters, strict: true }],
  stream: true,
});
const argumentDeltas = [];
let argumentsDone = null;
let addedCallId = null;
let completedCallId = null;
const eventTypes = [];
for await (const event of responseStream) {
  eventTypes.push(event.type);
  if (event.type === 'response.output_item.added' && event.item.type === 'function_call') addedCallId = event.item.call_id;
  if (event.type === 'response.function_call_arguments.delta') argumentDeltas.push(event.delta);
  if (event.type === 'response.function_call_arguments.done') argumentsDone = event.arguments;
  if (event.type === 'response.completed') {
    completedCallId = event.response.output.find((item) => item.type === 'function_call')?.call_id ?? null;
  }
}

await answersRecorded();
console.log(JSON.stringify({
  firstFinish: first.choices[0].finish_reason,
  toolName: call.function.name,
  toolArguments: call.function.arguments,
  answer: second.choices[0].message.content,
  streamedName,
  streamedArguments,
  streamedFinish,
  responsesText: response.output_text,
  responsesArgumentDeltas: argumentDeltas,
  responsesArgumentsDone: argumentsDone,
  responsesCallIdAdded: addedCallId,
  responsesCallIdCompleted: completedCallId,
  responsesEventTypes: eventTypes,
}));
