/*
 * The playground page: calls the gateway from the browser and shows the answer as it streams in.
 * With a gateway key: the gateway itself (/openai/v1, Authorization: Bearer). Without one (admins only): the console's
 * playground calls (/console/api/playground), which run the gateway's own resources as the signed-in admin.
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

    /* The message of a failed answer: the gateway's JSON error, or what the status says. */
    function failure(response) {
        return response.text().then(function (text) {
            var message = null;
            try {
                var parsed = JSON.parse(text);
                message = parsed && parsed.error && parsed.error.message;
            } catch (e) { /* not JSON: a sign-in page or a proxy's error */ }
            if (!message && response.redirected) {
                message = 'Your console session has ended: sign in again.';
            }
            var prefix = response.status === 429 ? 'Rate limited: '
                : response.status === 401 ? 'Not allowed: '
                : response.status === 404 ? 'Not available: ' : '';
            return prefix + (message || ('The call failed with status ' + response.status + '.'));
        });
    }

    function limitsOf(select) {
        var option = select.options[select.selectedIndex];
        return option ? option.getAttribute('data-limits') : '-';
    }

    function showError(id, message) {
        byId(id).textContent = message;
    }

    function finish(state) {
        byId('answer').setAttribute('data-state', state);
        byId('send').disabled = false;
        byId('stop').disabled = true;
        running = null;
    }

    form.addEventListener('submit', function (event) {
        event.preventDefault();
        ['answer', 'reasoning', 'chatError'].forEach(function (id) { byId(id).textContent = ''; });
        ['servedBy', 'tokensIn', 'tokensOut', 'latency', 'keyLimits'].forEach(function (id) { byId(id).textContent = '-'; });
        byId('reasoningBox').hidden = true;
        byId('modelLimits').textContent = limitsOf(chatModel);
        var call = target('/chat/completions');
        if (!call) {
            showError('chatError', 'No credential: paste a gateway key to try a model.');
            return;
        }
        if (!chatModel.value) {
            showError('chatError', 'No model: there is no active chat model to try.');
            return;
        }
        var body = JSON.stringify({
            model: chatModel.value,
            messages: [{ role: 'user', content: byId('prompt').value }],
            stream: true,
            stream_options: { include_usage: true }
        });
        var started = performance.now();
        var firstToken = null;
        running = new AbortController();
        byId('send').disabled = true;
        byId('stop').disabled = false;
        byId('answer').setAttribute('data-state', 'streaming');
        fetch(call.url, { method: 'POST', headers: call.headers, body: body, credentials: 'same-origin',
                          signal: running.signal })
            .then(function (response) {
                var contentType = response.headers.get('Content-Type') || '';
                if (!response.ok || contentType.indexOf('text/event-stream') !== 0) {
                    return failure(response).then(function (message) {
                        showError('chatError', message);
                        finish('failed');
                    });
                }
                byId('servedBy').textContent = response.headers.get('X-LLM-Admin-Model') || chatModel.value;
                byId('keyLimits').textContent = response.headers.get('X-LLM-Admin-Key-Limits') || 'no key';
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
                        showError('chatError', chunk.error.message || 'The stream broke off.');
                        return;
                    }
                    var choice = chunk.choices && chunk.choices[0];
                    var delta = choice && choice.delta;
                    if (delta && (delta.content || delta.reasoning_content) && firstToken === null) {
                        firstToken = performance.now() - started;
                    }
                    if (delta && delta.reasoning_content) {
                        byId('reasoningBox').hidden = false;
                        byId('reasoningBox').open = true;
                        byId('reasoning').textContent += delta.reasoning_content;
                    }
                    if (delta && delta.content) {
                        byId('answer').textContent += delta.content;
                    }
                    if (chunk.usage) {
                        byId('tokensIn').textContent = chunk.usage.prompt_tokens;
                        byId('tokensOut').textContent = chunk.usage.completion_tokens;
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
                        byId('latency').textContent = total + ' ms'
                            + (firstToken === null ? '' : ' (first token after ' + Math.round(firstToken) + ' ms)');
                        finish(failed ? 'failed' : 'done');
                    });
                };
                return pump();
            })
            .catch(function (error) {
                if (error && error.name === 'AbortError') {
                    finish('stopped');
                    return;
                }
                showError('chatError', 'The gateway could not be reached: ' + (error && error.message));
                finish('failed');
            });
    });

    byId('stop').addEventListener('click', function () {
        if (running) {
            running.abort();
        }
    });

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
