/*
 * The playground page: calls the gateway from the browser and shows the answer as it streams in.
 * With a gateway key: the gateway itself (/openai/v1, Authorization: Bearer). Without one (admins only): the console's
 * playground calls (/console/api/playground), which run the gateway's own resources as the signed-in admin.
 * The chat is a conversation: each turn sends the system prompt, the finished turns (a failed or stopped one is not
 * sent again) and the new message, with the temperature and max tokens when given (checked against the chosen model's
 * ranges first; the gateway's 400 about one of them lands on its field too).
 * The stream is OpenAI's server-sent events: delta.content is the answer, delta.reasoning_content the reasoning,
 * the last chunk before [DONE] the usage (stream_options.include_usage). Errors are OpenAI's {"error":{"message"}}.
 */
(function () {
    var form = document.getElementById('playground');
    if (!form) {
        return;
    }
    var byId = function (id) { return document.getElementById(id); };
    var admin = form.getAttribute('data-admin') === 'true';
    var running = null;

    var chatModel = byId('chatModel');
    var selected = chatModel.getAttribute('data-selected');
    if (selected) {
        chatModel.value = selected;
    }

    /* The finished turns, in order: what is sent before each new message ({role, content} objects). */
    var history = [];

    function target(path) {
        var key = byId('gatewayKey').value.trim();
        var headers = { 'Content-Type': 'application/json; charset=UTF-8', 'Accept': 'text/event-stream, application/json' };
        if (key) {
            headers['Authorization'] = 'Bearer ' + key;
            return { url: form.getAttribute('data-gateway') + path, headers: headers };
        }
        if (!admin) {
            return null;
        }
        headers['X-LLM-Admin-Playground'] = '1';
        return { url: form.getAttribute('data-console-api') + path, headers: headers };
    }

    /* A failed answer: the gateway's JSON error (its message and the parameter at fault), or what the status says. */
    function failure(response) {
        return response.text().then(function (text) {
            var error = null;
            try {
                var parsed = JSON.parse(text);
                error = parsed && parsed.error;
            } catch (e) { /* not JSON: a sign-in page or a proxy's error */ }
            var message = error && error.message;
            if (!message && response.redirected) {
                message = 'Your console session has ended: sign in again.';
            }
            var prefix = response.status === 429 ? 'Rate limited: '
                : response.status === 401 ? 'Not allowed: '
                : response.status === 404 ? 'Not available: ' : '';
            return {
                param: response.status === 400 && error ? error.param : null,
                message: prefix + (message || ('The call failed with status ' + response.status + '.'))
            };
        });
    }

    /*
     * What the limits that applied (the key's and the model's, the tighter of each) had left in their window once this
     * call was admitted: the gateway's OpenAI-style x-ratelimit-remaining-* headers; "no limit" when none applies.
     */
    function remaining(headers) {
        var parts = [];
        var requests = headers.get('x-ratelimit-remaining-requests');
        var tokens = headers.get('x-ratelimit-remaining-tokens');
        if (requests !== null) {
            parts.push(requests + ' requests');
        }
        if (tokens !== null) {
            parts.push(tokens + ' tokens');
        }
        return parts.length ? parts.join(', ') : 'no limit';
    }

    function option(select) {
        return select.options[select.selectedIndex] || null;
    }

    function limitsOf(select) {
        var chosen = option(select);
        return chosen ? chosen.getAttribute('data-limits') : '-';
    }

    function showError(id, message) {
        byId(id).textContent = message;
    }

    /* The number fields: each one's input, message and what the chosen model accepts. */
    var fields = {
        temperature: { input: 'temperature', message: 'temperatureMessage', hint: 'temperatureHint' },
        max_tokens: { input: 'maxTokens', message: 'maxTokensMessage', hint: 'maxTokensHint' }
    };

    function ranges() {
        var chosen = option(chatModel);
        var read = function (name, fallback) {
            var value = chosen && chosen.getAttribute(name);
            return value === null || value === '' ? fallback : Number(value);
        };
        return {
            temperatureMin: read('data-temperature-min', 0),
            temperatureMax: read('data-temperature-max', 2),
            maxTokens: read('data-max-tokens', 0)
        };
    }

    function showRanges() {
        var range = ranges();
        byId('temperatureHint').textContent = 'Empty: the model\'s default. This model takes '
            + range.temperatureMin + ' to ' + range.temperatureMax + '.';
        byId('maxTokensHint').textContent = 'Empty: the model\'s default. '
            + (range.maxTokens > 0 ? 'This model takes 1 to ' + range.maxTokens + '.' : 'At least 1.');
    }

    function fieldError(param, message) {
        var field = fields[param];
        byId(field.message).textContent = message;
        byId(field.input).setAttribute('aria-invalid', message ? 'true' : 'false');
    }

    /* The temperature and max tokens typed, checked against the chosen model's ranges; null when one is wrong. */
    function parameters() {
        var range = ranges();
        var result = {};
        var ok = true;
        Object.keys(fields).forEach(function (param) { fieldError(param, ''); });
        var temperature = byId('temperature').value.trim().replace(',', '.');
        if (temperature !== '') {
            var t = Number(temperature);
            if (!/^-?(\d+\.?\d*|\.\d+)$/.test(temperature) || isNaN(t)) {
                fieldError('temperature', 'Temperature must be a number like 0.7.');
                ok = false;
            } else if (t < range.temperatureMin || t > range.temperatureMax) {
                fieldError('temperature', 'Temperature must be between ' + range.temperatureMin + ' and '
                    + range.temperatureMax + ' for this model.');
                ok = false;
            } else {
                result.temperature = t;
            }
        }
        var maxTokens = byId('maxTokens').value.trim();
        if (maxTokens !== '') {
            var m = Number(maxTokens);
            if (!/^\d+$/.test(maxTokens) || m < 1) {
                fieldError('max_tokens', 'Max tokens must be a whole number of at least 1.');
                ok = false;
            } else if (range.maxTokens > 0 && m > range.maxTokens) {
                fieldError('max_tokens', 'Max tokens must be between 1 and ' + range.maxTokens + ' for this model.');
                ok = false;
            } else {
                result.max_tokens = m;
            }
        }
        return ok ? result : null;
    }

    chatModel.addEventListener('change', showRanges);
    showRanges();

    /* What is sent with the new message: the system prompt, then every finished turn. */
    function messages(text) {
        var all = [];
        var system = byId('systemPrompt').value.trim();
        if (system) {
            all.push({ role: 'system', content: system });
        }
        return all.concat(history, [{ role: 'user', content: text }]);
    }

    function startTurn(text) {
        var turn = byId('turnTemplate').content.firstElementChild.cloneNode(true);
        turn.querySelector('.user-text').textContent = text;
        turn.querySelector('.model-limits').textContent = limitsOf(chatModel);
        byId('conversation').appendChild(turn);
        byId('emptyConversation').hidden = true;
        return turn;
    }

    function newConversation() {
        if (running) {
            running.abort();
        }
        history = [];
        byId('conversation').textContent = '';
        byId('emptyConversation').hidden = false;
        byId('chatError').textContent = '';
        Object.keys(fields).forEach(function (param) { fieldError(param, ''); });
    }

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        if (running) {
            return;
        }
        byId('chatError').textContent = '';
        var call = target('/chat/completions');
        if (!call) {
            showError('chatError', 'No credential: paste a gateway key to try a model.');
            return;
        }
        if (!chatModel.value) {
            showError('chatError', 'No model: there is no active chat model to try.');
            return;
        }
        var chosen = parameters();
        if (!chosen) {
            return;
        }
        var text = byId('prompt').value;
        if (!text.trim()) {
            showError('chatError', 'No message: write what to send.');
            return;
        }
        var request = { model: chatModel.value, messages: messages(text), stream: true,
                        stream_options: { include_usage: true } };
        Object.keys(chosen).forEach(function (param) { request[param] = chosen[param]; });
        var turn = startTurn(text);
        var part = function (selector) { return turn.querySelector(selector); };
        var answer = part('.answer');
        byId('prompt').value = '';

        /* A call refused before any answer: the turn goes, the message comes back to be sent again. */
        var refused = function (message, param) {
            turn.remove();
            byId('emptyConversation').hidden = history.length > 0;
            if (!byId('prompt').value) {
                byId('prompt').value = text;
            }
            if (param && fields[param]) {
                fieldError(param, message);
            } else {
                showError('chatError', message);
            }
        };
        var finish = function (state) {
            turn.setAttribute('data-state', state);
            byId('send').disabled = false;
            byId('stop').disabled = true;
            running = null;
            if (state === 'done') {
                history.push({ role: 'user', content: text }, { role: 'assistant', content: answer.textContent });
            }
        };

        var started = performance.now();
        var firstToken = null;
        running = new AbortController();
        byId('send').disabled = true;
        byId('stop').disabled = false;
        fetch(call.url, { method: 'POST', headers: call.headers, body: JSON.stringify(request),
                          credentials: 'same-origin', signal: running.signal })
            .then(function (response) {
                var contentType = response.headers.get('Content-Type') || '';
                if (!response.ok || contentType.indexOf('text/event-stream') !== 0) {
                    return failure(response).then(function (failed) {
                        finish('failed');
                        refused(failed.message, failed.param);
                    });
                }
                part('.served-by').textContent = response.headers.get('X-LLM-Admin-Model') || chatModel.value;
                part('.key-limits').textContent = response.headers.get('X-LLM-Admin-Key-Limits') || 'no key';
                part('.remaining').textContent = remaining(response.headers);
                var reader = response.body.getReader();
                var decoder = new TextDecoder('utf-8');
                var buffer = '';
                var failed = false;
                var onEvent = function (data) {
                    if (data === '[DONE]') {
                        return;
                    }
                    var chunk = JSON.parse(data);
                    if (chunk.error) {
                        failed = true;
                        part('.turn-error').textContent = chunk.error.message || 'The stream broke off.';
                        return;
                    }
                    var choice = chunk.choices && chunk.choices[0];
                    var delta = choice && choice.delta;
                    if (delta && (delta.content || delta.reasoning_content) && firstToken === null) {
                        firstToken = performance.now() - started;
                    }
                    if (delta && delta.reasoning_content) {
                        part('.reasoning').hidden = false;
                        part('.reasoning').open = true;
                        part('.reasoning-text').textContent += delta.reasoning_content;
                    }
                    if (delta && delta.content) {
                        answer.textContent += delta.content;
                    }
                    if (chunk.usage) {
                        part('.tokens-in').textContent = chunk.usage.prompt_tokens;
                        part('.tokens-out').textContent = chunk.usage.completion_tokens;
                    }
                };
                var pump = function () {
                    return reader.read().then(function (result) {
                        if (!result.done) {
                            buffer += decoder.decode(result.value, { stream: true });
                            var events = buffer.split('\n\n');
                            buffer = events.pop();
                            events.forEach(function (event) {
                                event.split('\n').forEach(function (line) {
                                    if (line.indexOf('data: ') === 0) {
                                        onEvent(line.substring(6));
                                    }
                                });
                            });
                            return pump();
                        }
                        var total = Math.round(performance.now() - started);
                        part('.latency').textContent = total + ' ms'
                            + (firstToken === null ? '' : ' (first token after ' + Math.round(firstToken) + ' ms)');
                        finish(failed ? 'failed' : 'done');
                    });
                };
                return pump();
            })
            .catch(function (error) {
                if (error && error.name === 'AbortError') {
                    part('.turn-error').textContent = 'Stopped: this turn is not sent with the next ones.';
                    finish('stopped');
                    return;
                }
                part('.turn-error').textContent = 'The gateway could not be reached: ' + (error && error.message);
                finish('failed');
            });
    });

    byId('stop').addEventListener('click', function () {
        if (running) {
            running.abort();
        }
    });

    byId('newConversation').addEventListener('click', newConversation);

    byId('embeddings').addEventListener('submit', function (event) {
        event.preventDefault();
        ['embeddingError'].forEach(function (id) { byId(id).textContent = ''; });
        ['dimensions', 'firstValues', 'embeddingTokens', 'embeddingLatency'].forEach(function (id) {
            byId(id).textContent = '-';
        });
        var call = target('/embeddings');
        var model = byId('embeddingModel').value;
        if (!call) {
            showError('embeddingError', 'No credential: paste a gateway key to try a model.');
            return;
        }
        if (!model) {
            showError('embeddingError', 'No model: there is no active embedding model to try.');
            return;
        }
        var started = performance.now();
        fetch(call.url, { method: 'POST', headers: call.headers, credentials: 'same-origin',
                          body: JSON.stringify({ model: model, input: byId('embeddingText').value }) })
            .then(function (response) {
                if (!response.ok) {
                    return failure(response).then(function (message) { showError('embeddingError', message); });
                }
                return response.json().then(function (answer) {
                    var vector = answer.data[0].embedding;
                    byId('dimensions').textContent = vector.length;
                    byId('firstValues').textContent = vector.slice(0, 5).map(function (value) {
                        return value.toFixed(4);
                    }).join(', ');
                    byId('embeddingTokens').textContent = answer.usage ? answer.usage.prompt_tokens : '-';
                    byId('embeddingLatency').textContent = Math.round(performance.now() - started) + ' ms';
                });
            })
            .catch(function (error) {
                showError('embeddingError', 'The gateway could not be reached: ' + (error && error.message));
            });
    });
}());
