'use strict';
// The devstack console: reads api/console every POLL_MILLIS and draws it. Plain DOM, no framework and no build.
// Every value from the endpoint goes into the page as text (textContent), never as HTML: message bodies are data.

const POLL_MILLIS = 1500;

let lastDrawn = null; // the last document drawn, without its timestamp: an unchanged one is not drawn again
let serverOffset = 0; // the endpoint's clock minus this browser's, for the ages of messages
let polling = false;
let timer = null;

/** An element with attributes ("text" sets its text, "on..." adds a listener) and children. */
function h(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
        if (value === null || value === undefined || value === false) continue;
        if (name === 'text') element.textContent = value;
        else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
        else element.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat(Infinity)) {
        if (child !== null && child !== undefined && child !== false) element.append(child);
    }
    return element;
}

function table(caption, headers, rows, attributes) {
    return h('table', attributes,
        h('caption', {text: caption}),
        h('thead', {}, h('tr', {}, headers.map(header => h('th', {scope: 'col', text: header})))),
        h('tbody', {}, rows));
}

function number(value, field, alert) {
    return h('td', {class: alert && value > 0 ? 'number alert' : 'number', 'data-field': field, text: String(value)});
}

function none(text) {
    return h('p', {class: 'none', text});
}

function queueName(arn) {
    return arn ? arn.substring(arn.lastIndexOf(':') + 1) : '';
}

function age(sentAt) {
    if (!sentAt) return '–';
    const seconds = Math.max(0, Math.floor((Date.now() + serverOffset - Date.parse(sentAt)) / 1000));
    if (seconds < 60) return `${seconds} s`;
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
    return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function time(instant) {
    return instant ? new Date(instant).toLocaleTimeString() : '–';
}

function pretty(text) {
    try {
        return JSON.stringify(JSON.parse(text), null, 2);
    } catch {
        return text;
    }
}

function plural(count, word) {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function queuesView(queues) {
    if (queues.length === 0) return none('No queues yet.');
    return table('Each queue, as GetQueueAttributes counts its messages',
        ['Queue', 'Kind', 'Visible', 'In flight', 'Delayed', 'Oldest message', 'Dead-letter queue'],
        queues.map(queue => h('tr', {'data-testid': 'queue', 'data-queue': queue.name},
            h('th', {scope: 'row', text: queue.name}),
            h('td', {text: [queue.fifo ? 'FIFO' : 'standard', queue.deadLetterQueue ? 'dead-letter' : null]
                    .filter(Boolean).join(', ')}),
            number(queue.visible, 'visible', queue.deadLetterQueue),
            number(queue.inFlight, 'inFlight'),
            number(queue.delayed, 'delayed'),
            h('td', {class: 'number', 'data-field': 'oldestAge', 'data-since': queue.oldestSentAt},
                age(queue.oldestSentAt)),
            h('td', {text: queue.redrivePolicy
                    ? `${queue.redrivePolicy.deadLetterQueue} after ${plural(queue.redrivePolicy.maxReceiveCount, 'receive')}`
                    : '–'}))));
}

function deadLetterQueuesView(deadLetterQueues) {
    if (deadLetterQueues.length === 0) {
        return none('No dead-letter queues: none is named by a redrive policy, a subscription or a rule target.');
    }
    return deadLetterQueues.map(dlq => {
        const headingId = `dlq-${dlq.name}`;
        const task = dlq.moveTask;
        return h('article', {'data-testid': 'dead-letter-queue', 'data-queue': dlq.name, 'aria-labelledby': headingId},
            h('h3', {id: headingId}, dlq.name, ' ',
                h('span', {class: dlq.messageCount > 0 ? 'count alert' : 'count', 'data-field': 'messageCount',
                    text: plural(dlq.messageCount, 'message')})),
            h('p', {text: dlq.sourceQueues.length > 0
                ? `The redrive policy of ${dlq.sourceQueues.join(', ')} sends here what fails.`
                : 'No queue names it in a redrive policy: it takes what a subscription or a rule target could not deliver.'}),
            redriveButtons(dlq),
            task ? h('p', {'data-testid': 'move-task',
                text: `Last redrive (message move task, started ${time(task.startedAt)}): ${task.status}, `
                    + `${plural(task.moved, 'message')} moved to ${task.destination || 'its source'}.`}) : null,
            dlq.messages.length === 0 ? none('It holds no message.') : table(
                dlq.messageCount > dlq.messages.length
                    ? `The oldest ${dlq.messages.length} of its ${dlq.messageCount} messages`
                    : 'Its messages, oldest first',
                ['Message', 'Sent', 'Receives', 'Reason', 'Body and attributes'],
                dlq.messages.map(message => deadLetterRow(dlq, message))));
    });
}

function redriveButtons(dlq) {
    if (dlq.sourceQueues.length === 0) return null;
    return h('p', {class: 'actions'}, dlq.sourceQueues.map(source => h('button', {
        type: 'button',
        'data-testid': 'redrive',
        'data-key': `redrive:${dlq.name}:${source}`,
        'data-destination': source,
        disabled: dlq.messageCount === 0,
        onclick: event => redrive(dlq.name, source, event.currentTarget),
        text: `Redrive ${plural(dlq.messageCount, 'message')} to ${source}`,
    })));
}

function deadLetterRow(dlq, message) {
    const attributes = Object.entries(message.attributes);
    return h('tr', {'data-testid': 'dead-letter', 'data-message-id': message.id},
        h('th', {scope: 'row', class: 'id', title: message.id, text: message.id.substring(0, 8)},
            message.messageGroupId ? h('span', {class: 'group', text: ` group ${message.messageGroupId}`}) : null),
        h('td', {text: time(message.sentAt)}),
        number(message.receiveCount, 'receiveCount'),
        h('td', {'data-field': 'reason', class: 'reason', text: message.reason || '–'}),
        h('td', {},
            h('details', {'data-key': `message:${dlq.name}:${message.id}`},
                h('summary', {'data-field': 'body', text: message.body.substring(0, 120)}),
                h('pre', {text: pretty(message.body) + (message.bodyCut ? '\n… (cut)' : '')}),
                attributes.length === 0 ? none('No message attributes.') : h('dl', {},
                    attributes.map(([name, value]) => [h('dt', {text: name}), h('dd', {text: value})])))));
}

function topicsView(topics) {
    if (topics.length === 0) return none('No topics yet.');
    return topics.map(topic => h('article', {'data-testid': 'topic', 'data-topic': topic.name},
        h('h3', {text: topic.fifo ? `${topic.name} (FIFO)` : topic.name}),
        topic.subscriptions.length === 0 ? none('No subscriptions.') : table(`Subscriptions of ${topic.name}`,
            ['Queue', 'Filter policy', 'Raw delivery', 'Delivered', 'Filtered out', 'Failed', 'Dead-lettered', 'Dead-letter queue'],
            topic.subscriptions.map(subscription => h('tr', {'data-testid': 'subscription', 'data-queue': queueName(subscription.queueArn)},
                h('th', {scope: 'row', text: queueName(subscription.queueArn)}),
                h('td', {}, subscription.filterPolicy
                    ? h('pre', {text: `${subscription.filterPolicy}\n(on ${subscription.filterPolicyScope})`})
                    : 'every message'),
                h('td', {text: subscription.rawMessageDelivery ? 'yes' : 'no'}),
                number(subscription.delivered, 'delivered'),
                number(subscription.filteredOut, 'filteredOut'),
                number(subscription.failed, 'failed', true),
                number(subscription.deadLettered, 'deadLettered', true),
                h('td', {text: queueName(subscription.deadLetterQueueArn) || '–'}))))));
}

function busesView(buses) {
    return buses.map(bus => h('article', {'data-testid': 'bus', 'data-bus': bus.name},
        h('h3', {text: bus.name}),
        bus.rules.length === 0 ? none('No rules.') : table(`Rules on ${bus.name}`,
            ['Rule', 'State', 'Event pattern', 'Targets'],
            bus.rules.map(rule => h('tr', {'data-testid': 'rule', 'data-rule': rule.name},
                h('th', {scope: 'row', text: rule.name}),
                h('td', {text: rule.state}),
                h('td', {}, h('pre', {text: pretty(rule.eventPattern)})),
                h('td', {}, rule.targets.length === 0 ? 'none' : h('ul', {}, rule.targets.map(target => h('li', {
                    'data-testid': 'target',
                    text: `${queueName(target.arn)}: ${target.delivered} delivered, ${target.failed} failed`
                        + (target.deadLetterQueueArn ? `, dead-letter queue ${queueName(target.deadLetterQueueArn)}` : ''),
                }))))))),
        bus.archives.length === 0 ? none('No archives.') : table(`Archives of ${bus.name}`,
            ['Archive', 'Event pattern', 'Events', 'Size', 'Retention'],
            bus.archives.map(archive => h('tr', {'data-testid': 'archive', 'data-archive': archive.name},
                h('th', {scope: 'row', text: archive.name}),
                h('td', {}, archive.eventPattern ? h('pre', {text: pretty(archive.eventPattern)}) : 'every event'),
                number(archive.eventCount, 'eventCount'),
                h('td', {class: 'number', text: `${archive.sizeBytes} bytes`}),
                h('td', {text: archive.retentionDays > 0 ? plural(archive.retentionDays, 'day') : 'forever'}))))));
}

/** Draws the document, keeping open details and the focused button as they were. */
function draw(state) {
    const open = new Set([...document.querySelectorAll('details[open][data-key]')].map(d => d.dataset.key));
    const focused = document.activeElement && document.activeElement.dataset.key;
    const slots = {
        queues: queuesView(state.queues),
        deadLetterQueues: deadLetterQueuesView(state.deadLetterQueues),
        topics: topicsView(state.topics),
        buses: busesView(state.buses),
    };
    for (const [slot, content] of Object.entries(slots)) {
        document.querySelector(`[data-slot="${slot}"]`).replaceChildren(...[content].flat());
    }
    document.querySelectorAll('details[data-key]').forEach(d => { d.open = open.has(d.dataset.key); });
    if (focused) {
        const again = [...document.querySelectorAll('[data-key]')].find(e => e.dataset.key === focused);
        if (again) again.focus();
    }
}

function updateAges() {
    document.querySelectorAll('[data-since]').forEach(cell => { cell.textContent = age(cell.dataset.since); });
}

function setStatus(text, offline) {
    const status = document.getElementById('status');
    if (status.textContent !== text) status.textContent = text;
    status.classList.toggle('offline', offline);
}

async function poll() {
    if (polling) return;
    polling = true;
    clearTimeout(timer);
    try {
        const response = await fetch('api/console', {cache: 'no-store'});
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const state = await response.json();
        serverOffset = Date.parse(state.generatedAt) - Date.now();
        const {generatedAt, ...rest} = state;
        const key = JSON.stringify(rest);
        if (key !== lastDrawn) {
            draw(state);
            lastDrawn = key;
        }
        updateAges();
        document.getElementById('updated').textContent = `Updated at ${time(generatedAt)}`;
        setStatus('Live: following the endpoint.', false);
    } catch (failure) {
        setStatus(`The endpoint does not answer (${failure.message}); trying again.`, true);
    } finally {
        polling = false;
        timer = setTimeout(poll, POLL_MILLIS);
    }
}

async function redrive(queue, destination, button) {
    button.disabled = true;
    const result = document.getElementById('redrive-result');
    try {
        const response = await fetch(`api/queues/${encodeURIComponent(queue)}/redrive`, {
            method: 'POST',
            headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({destination}),
        });
        const body = await response.json();
        if (!response.ok) {
            result.textContent = `The redrive of ${queue} failed: ${body.error}`;
        } else if (body.redriven !== undefined) {
            result.textContent = `Redrove ${plural(body.redriven, 'message')} from ${body.from} to ${body.to}.`;
        } else {
            result.textContent = `Started moving the messages of ${body.from} to ${body.to}.`;
        }
    } catch (failure) {
        result.textContent = `The redrive of ${queue} failed: ${failure.message}`;
    }
    poll();
}

poll();
