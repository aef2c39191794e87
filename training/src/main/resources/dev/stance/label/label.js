'use strict';
// The labelling page. Every text from the queue is written with textContent, never parsed as markup.
(function () {
  const KEYS = {
    '1': ['stance', 'conciliatory'], '2': ['stance', 'hostile'], '3': ['stance', 'skeptical'], '4': ['stance', 'neutral'],
    'q': ['openness', 'real'], 'w': ['openness', 'rhetorical'], 'e': ['openness', 'none']
  };
  let state = null;
  let choice = { stance: null, openness: null };
  let busy = false;

  const $ = (id) => document.getElementById(id);
  const put = (id, value) => { $(id).textContent = value == null || value === '' ? '—' : String(value); };

  function suggestion() {
    const item = state && state.item;
    return item && item.suggestion ? item.suggestion : null;
  }

  function render() {
    const item = state.item;
    const done = state.done;
    put('progress', done + ' of ' + state.total + ' answered (' + state.status.labelled + ' labelled, '
      + state.status.skipped + ' skipped, ' + state.status.not_statement + ' not statements, '
      + state.accepted + ' suggestions accepted)');
    $('bar').max = Math.max(1, state.total);
    $('bar').value = done;
    $('item').hidden = !item;
    $('finished').hidden = !!item;
    if (item) {
      put('speaker', item.speaker);
      put('lang', item.lang);
      put('source', item.source);
      put('context', item.context);
      put('text', item.text);
      put('reason', item.reason ? 'picked: ' + item.reason : '');
      const s = suggestion();
      put('suggestion', s ? s.stance.label + ' + ' + s.openness.label : 'none');
      put('model', s && item.model ? '(' + item.model + ', p ' + s.stance.p[s.stance.label] + ' / '
        + s.openness.p[s.openness.label] + ')' : '');
      choice = s ? { stance: s.stance.label, openness: s.openness.label } : { stance: null, openness: null };
    }
    const body = $('counts').tBodies[0];
    body.replaceChildren();
    for (const task of ['stance', 'openness']) {
      for (const [label, n] of Object.entries(state.counts[task])) {
        const tr = body.insertRow();
        for (const v of [task, label, n]) {
          tr.insertCell().textContent = String(v);
        }
      }
    }
    mark();
    // the position tells a watcher (and a test) which item is on screen once the page has settled
    document.body.dataset.position = item ? item.id + '@' + done : 'finished@' + done;
  }

  function mark() {
    const s = suggestion();
    for (const b of document.querySelectorAll('button[data-task]')) {
      const task = b.dataset.task;
      b.classList.toggle('chosen', choice[task] === b.dataset.label);
      b.classList.toggle('suggested', !!s && s[task].label === b.dataset.label);
    }
  }

  async function call(method, path, body) {
    busy = true;
    try {
      const opts = { method: method, headers: {} };
      if (body !== undefined) {
        opts.headers['Content-Type'] = 'application/json';
        opts.body = JSON.stringify(body);
      }
      const r = await fetch(path, opts);
      const json = await r.json();
      if (!r.ok) {
        put('error', json.error || ('HTTP ' + r.status));
        return;
      }
      $('error').textContent = '';
      state = json;
      render();
    } catch (e) {
      put('error', 'cannot reach the server: ' + e.message);
    } finally {
      busy = false;
    }
  }

  function answer(action) {
    if (!state || !state.item) {
      return;
    }
    if (action === 'label' && (!choice.stance || !choice.openness)) {
      put('error', 'choose both a stance (1-4) and an openness (q, w, e) first');
      return;
    }
    call('POST', '/api/answer', { id: state.item.id, action: action, stance: choice.stance, openness: choice.openness });
  }

  function choose(task, label) {
    choice[task] = label;
    mark();
  }

  function toggleGuide(show) {
    $('guide').hidden = show === undefined ? !$('guide').hidden : !show;
  }

  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || busy) {
      return;
    }
    const k = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    if (k === '?' || k === 'h') {
      toggleGuide();
    } else if (k === 'Escape') {
      toggleGuide(false);
    } else if (KEYS[k]) {
      choose(KEYS[k][0], KEYS[k][1]);
    } else if (k === 'Enter') {
      answer('label');
    } else if (k === 'a') {
      answer('accept');
    } else if (k === 'x') {
      answer('skip');
    } else if (k === 'n') {
      answer('not_statement');
    } else if (k === 'u' || k === 'Backspace') {
      call('POST', '/api/undo', {});
    } else {
      return;
    }
    e.preventDefault();
  });

  document.addEventListener('DOMContentLoaded', () => {
    for (const b of document.querySelectorAll('button[data-task]')) {
      b.addEventListener('click', () => choose(b.dataset.task, b.dataset.label));
    }
    $('submit').addEventListener('click', () => answer('label'));
    $('accept').addEventListener('click', () => answer('accept'));
    $('skip').addEventListener('click', () => answer('skip'));
    $('notstatement').addEventListener('click', () => answer('not_statement'));
    $('undo').addEventListener('click', () => call('POST', '/api/undo', {}));
    $('help').addEventListener('click', () => toggleGuide());
    call('GET', '/api/state');
  });
})();
