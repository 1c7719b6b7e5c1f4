// LangChain.js's ChatOpenAI against the gateway: bindTools (the model's tool call comes back as LangChain tool calls)
// and withStructuredOutput on a JSON schema (the answer parsed into an object).
import { ChatOpenAI } from '@langchain/openai';
import { answersRecorded, recordingFetch } from './answers.mjs';
import { z } from 'zod';

const chat = new ChatOpenAI({
  model: process.env.MODEL,
  apiKey: process.env.GATEWAY_KEY,
  configuration: { baseURL: process.env.GATEWAY_BASE_URL, fetch: recordingFetch },
  maxRetries: 0,
});

const getWeather = {
  name: 'get_weather',
  description: 'The weather in a city',
  schema: z.object({ city: z.string() }),
};
const withTools = chat.bindTools([getWeather]);
const message = await withTools.invoke('What is the weather in Paris?');

const structured = chat.withStructuredOutput(z.object({ name: z.string(), age: z.number() }), {
  name: 'person',
  method: 'jsonSchema',
  strict: true,
});
const person = await structured.invoke('Who wrote the first program?');

await answersRecorded();
console.log(JSON.stringify({ toolCalls: message.tool_calls, person }));
