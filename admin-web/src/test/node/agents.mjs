// The OpenAI Agents SDK against the gateway: an agent on the default (Responses API) model whose tool is called and
// whose final answer uses the tool's result. Tracing is off: nothing may leave loopback.
import OpenAI from 'openai';
import { answersRecorded, recordingFetch } from './answers.mjs';
import { Agent, run, tool, setDefaultOpenAIClient, setTracingDisabled, setOpenAIAPI } from '@openai/agents';
import { z } from 'zod';

setTracingDisabled(true);
setOpenAIAPI('responses');
setDefaultOpenAIClient(new OpenAI({ baseURL: process.env.GATEWAY_BASE_URL, apiKey: process.env.GATEWAY_KEY, maxRetries: 0, fetch: recordingFetch }));

const calls = [];
const getWeather = tool({
  name: 'get_weather',
  description: 'The weather in a city',
  parameters: z.object({ city: z.string() }),
  execute: async ({ city }) => {
    calls.push(city);
    return `Sunny in ${city}`;
  },
});
const agent = new Agent({
  name: 'Weather agent',
  instructions: 'Answer with the weather tool.',
  model: process.env.MODEL,
  tools: [getWeather],
});

const result = await run(agent, 'What is the weather in Paris?');
const streamed = await run(agent, 'And now, streamed?', { stream: true });
let streamedText = '';
for await (const event of streamed.toTextStream()) {
  streamedText += event;
}
await streamed.completed;

await answersRecorded();
console.log(JSON.stringify({ toolCalls: calls, finalOutput: result.finalOutput, streamedFinalOutput: streamed.finalOutput }));
