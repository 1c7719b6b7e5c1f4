// Keeps a copy of every answer (headers and body) the gateway gives these clients, in the file ANSWERS_FILE names, so
// that NodeClientsIT checks them for the suite's secrets as it checks every answer its own HTTP helpers receive.
import { appendFileSync } from 'node:fs';

const pending = [];

export async function recordingFetch(url, init) {
  const answer = await fetch(url, init);
  const file = process.env.ANSWERS_FILE;
  if (file) {
    const headers = [...answer.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
    pending.push(answer.clone().text().then((body) => appendFileSync(file, `${headers}\n\n${body}\n`)));
  }
  return answer;
}

// Waits until every answer is written (a stream's copy is complete once the stream has ended).
export async function answersRecorded() {
  await Promise.all(pending);
}
