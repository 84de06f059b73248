// newswire analyst UI. Article data is untrusted: it is only ever put in the page as text nodes
// (textContent, createTextNode), never as HTML; only http(s) links become clickable.
'use strict';

const view = document.getElementById('view');
let alertTimer = null;

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function safeHref(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch (e) {
    return null;
  }
}

// The snippet is HTML-escaped text with <em> around matches: split on the markers, decode the
// escapes by hand and add every piece as text.
function decodeEntities(text) {
  return text.replace(/&(lt|gt|amp|quot|apos|#x27|#39|#x2F|#47|nbsp);/g, (m, name) => ({
    lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", '#x27': "'", '#39': "'", '#x2F': '/', '#47': '/', nbsp: '\u00a0'
  })[name]);
}

function snippetNode(snippet) {
  const node = el('p', { class: 'snippet' });
  const parts = String(snippet || '').split(/(<em>|<\/em>)/);
  let marked = false;
  for (const part of parts) {
    if (part === '<em>') { marked = true; continue; }
    if (part === '</em>') { marked = false; continue; }
    const text = document.createTextNode(decodeEntities(part));
    node.append(marked ? el('mark', {}, text) : text);
  }
  return node;
}

async function api(path, options) {
  const response = await fetch(path, Object.assign({ headers: { 'Accept': 'application/json' } }, options));
  const body = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) {
    throw new Error((body && body.message) || ('HTTP ' + response.status));
  }
  return body;
}

function formatDate(value) {
  if (!value) return '';
  const date = new Date(value);
  return isNaN(date) ? '' : date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

function route() {
  if (alertTimer) { clearInterval(alertTimer); alertTimer = null; }
  const hash = location.hash || '#/';
  const [path, query] = hash.slice(1).split('?');
  const params = new URLSearchParams(query || '');
  if (path.startsWith('/article/')) return showArticle(decodeURIComponent(path.slice('/article/'.length)));
  if (path === '/rules') return showRules();
  return showSearch(params);
}

// ---- search ----

function searchParams(params) {
  const out = new URLSearchParams();
  for (const [key, value] of params) if (value) out.append(key, value);
  return out;
}

function go(params) {
  location.hash = '#/search?' + searchParams(params).toString();
}

async function showSearch(params) {
  view.replaceChildren(document.getElementById('search-template').content.cloneNode(true));
  const form = document.getElementById('search-form');
  for (const name of ['q', 'from', 'to', 'sort']) {
    if (params.get(name)) document.getElementById(name).value = params.get(name);
  }
  form.addEventListener('submit', event => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of ['q', 'source', 'language', 'from', 'to', 'sort']) {
      const value = document.getElementById(name).value.trim();
      if (value) next.set(name, value);
    }
    for (const topic of params.getAll('topic')) next.append('topic', topic);
    for (const entity of params.getAll('entity')) next.append('entity', entity);
    go(next);
  });
  for (const name of ['source', 'language', 'sort']) {
    document.getElementById(name).addEventListener('change', () => form.requestSubmit());
  }
  const chips = document.getElementById('active-filters');
  for (const key of ['topic', 'entity', 'source', 'language']) {
    for (const value of params.getAll(key)) {
      const next = new URLSearchParams(params);
      next.delete(key);
      for (const other of params.getAll(key)) if (other !== value) next.append(key, other);
      chips.append(el('button', { type: 'button', class: 'chip active', 'data-filter': key + ':' + value,
        onclick: () => go(next) }, key + ': ' + value + ' ×'));
    }
  }
  const request = searchParams(params);
  request.set('facets', 'true');
  request.set('histogram', 'auto');
  request.set('size', '20');
  const exportParams = searchParams(params);
  exportParams.delete('sort');
  exportParams.set('format', 'csv');
  document.getElementById('export-csv').href = '/api/articles/export?' + exportParams;
  exportParams.set('format', 'jsonl');
  document.getElementById('export-jsonl').href = '/api/articles/export?' + exportParams;
  try {
    const answer = await api('/api/articles?' + request);
    document.getElementById('summary').textContent = answer.total + (answer.total === 1 ? ' article' : ' articles');
    renderFacets(answer.facets || {}, params);
    renderChart(answer.histogram || [], answer.interval);
    renderHits(answer.hits, params);
    more(answer.nextCursor, request, params);
  } catch (error) {
    document.getElementById('summary').replaceChildren(el('span', { class: 'error', id: 'search-error' }, error.message));
  }
}

function more(cursor, request, params) {
  const button = document.getElementById('more');
  button.hidden = !cursor;
  button.onclick = async () => {
    const next = new URLSearchParams(request);
    next.delete('facets');
    next.delete('histogram');
    next.set('cursor', cursor);
    const answer = await api('/api/articles?' + next);
    renderHits(answer.hits, params, true);
    more(answer.nextCursor, request, params);
  };
}

function renderHits(hits, params, append) {
  const list = document.getElementById('results');
  if (!append) list.replaceChildren();
  for (const hit of hits) {
    const topics = el('div', { class: 'chips' });
    for (const topic of hit.topics || []) {
      const next = new URLSearchParams(params);
      if (!params.getAll('topic').includes(topic)) next.append('topic', topic);
      topics.append(el('button', { type: 'button', class: 'chip', 'data-topic': topic, onclick: () => go(next) }, topic));
    }
    list.append(el('li', { class: 'hit', 'data-id': hit.id },
      el('a', { class: 'title', href: '#/article/' + encodeURIComponent(hit.id) }, hit.title || '(no title)'),
      el('div', { class: 'meta' }, [hit.source, formatDate(hit.publishedAt), hit.language].filter(Boolean).join(' · ')),
      snippetNode(hit.snippet),
      topics));
  }
}

function renderFacets(facets, params) {
  const aside = document.getElementById('facets');
  aside.replaceChildren();
  const labels = { topics: 'Topics', source: 'Sources', language: 'Languages', entities: 'Entities' };
  const keys = { topics: 'topic', source: 'source', language: 'language', entities: 'entity' };
  for (const [facet, counts] of Object.entries(facets)) {
    if (!counts.length) continue;
    const list = el('ul', { class: 'facet', id: 'facet-' + facet });
    for (const count of counts) {
      const key = keys[facet];
      const next = new URLSearchParams(params);
      if (key === 'source' || key === 'language') next.set(key, count.key);
      else if (!params.getAll(key).includes(count.key)) next.append(key, count.key);
      list.append(el('li', {}, el('a', { href: '#/search?' + searchParams(next), 'data-facet': count.key }, count.key),
        el('span', { class: 'count' }, String(count.count))));
    }
    aside.append(el('h3', {}, labels[facet] || facet), list);
  }
  const optionsFor = (id, counts) => {
    const select = document.getElementById(id);
    for (const count of counts || []) select.append(el('option', { value: count.key }, count.key + ' (' + count.count + ')'));
    if (params.get(id)) {
      if (![...select.options].some(o => o.value === params.get(id))) select.append(el('option', { value: params.get(id) }, params.get(id)));
      select.value = params.get(id);
    }
  };
  optionsFor('source', facets.source);
  optionsFor('language', facets.language);
}

function renderChart(buckets, interval) {
  const chart = document.getElementById('chart');
  chart.replaceChildren();
  if (!buckets.length) return;
  const NS = 'http://www.w3.org/2000/svg';
  const width = 600, height = 120, pad = 18;
  const max = Math.max(1, ...buckets.map(b => b.count));
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height + pad}`);
  svg.setAttribute('id', 'coverage-chart');
  svg.setAttribute('role', 'img');
  const barWidth = width / buckets.length;
  buckets.forEach((bucket, i) => {
    const h = Math.round((bucket.count / max) * height);
    const rect = document.createElementNS(NS, 'rect');
    rect.setAttribute('x', String(i * barWidth + Math.max(1, (barWidth - 40) / 2)));
    rect.setAttribute('y', String(height - h));
    rect.setAttribute('width', String(Math.min(40, Math.max(1, barWidth - 2))));
    rect.setAttribute('height', String(h));
    rect.setAttribute('class', 'bar');
    const title = document.createElementNS(NS, 'title');
    title.textContent = bucket.key.slice(0, interval === 'hour' ? 13 : 10) + ': ' + bucket.count;
    rect.append(title);
    svg.append(rect);
  });
  for (const [i, anchor] of [[0, 'start'], [buckets.length - 1, 'end']]) {
    const label = document.createElementNS(NS, 'text');
    label.setAttribute('x', String(anchor === 'start' ? 0 : width));
    label.setAttribute('y', String(height + pad - 4));
    label.setAttribute('text-anchor', anchor);
    label.setAttribute('class', 'axis');
    label.textContent = buckets[i].key.slice(0, interval === 'hour' ? 13 : 10);
    svg.append(label);
  }
  chart.append(el('h3', {}, 'Coverage per ' + (interval || 'day')), svg);
}

// ---- article ----

async function showArticle(id) {
  view.replaceChildren(el('p', { class: 'muted' }, 'Loading…'));
  let article;
  try {
    article = await api('/api/articles/' + encodeURIComponent(id));
  } catch (error) {
    view.replaceChildren(el('p', { class: 'error' }, error.message));
    return;
  }
  const href = safeHref(article.url);
  const original = href ? el('a', { id: 'original-link', href: href, rel: 'noopener noreferrer nofollow', target: '_blank' }, 'Original article')
    : el('span', { id: 'original-url', class: 'muted' }, article.url || '');
  const topics = el('ul', { class: 'topics', id: 'article-topics' });
  for (const topic of article.topicMatches || []) {
    const evidence = (topic.matched || []).map(e => `${e.term} ×${e.count} (${e.firstSeenIn})`).join(', ');
    topics.append(el('li', {}, el('a', { class: 'chip', href: '#/search?topic=' + encodeURIComponent(topic.id) }, topic.label || topic.id),
      ' ', el('span', { class: 'muted' }, 'score ' + Number(topic.score).toFixed(2) + (evidence ? ' — ' + evidence : ''))));
  }
  const entities = el('ul', { class: 'entities', id: 'article-entities' });
  for (const entity of article.entities || []) {
    entities.append(el('li', {}, el('a', { href: '#/search?entity=' + encodeURIComponent(entity.id) }, entity.name),
      el('span', { class: 'muted' }, ` ${entity.type} ×${entity.mentions}`)));
  }
  const text = el('div', { class: 'text', id: 'article-text' });
  for (const paragraph of String(article.text || article.summary || '').split(/\n\s*\n|\n/)) {
    if (paragraph.trim()) text.append(el('p', {}, paragraph));
  }
  const related = el('ul', { id: 'related', class: 'related' });
  view.replaceChildren(el('article', { class: 'article' },
    el('p', {}, el('a', { href: '#/' }, '← Search')),
    el('h1', { id: 'article-title' }, article.title || '(no title)'),
    el('div', { class: 'meta' }, [article.source, article.siteName !== article.source ? article.siteName : null,
      formatDate(article.publishedAt), article.language,
      article.authors && article.authors.length ? 'by ' + article.authors.join(', ') : null].filter(Boolean).join(' · ')),
    el('p', {}, original),
    el('h2', {}, 'Topics'), topics,
    el('h2', {}, 'Entities'), entities,
    el('h2', {}, 'Text'), text,
    el('h2', {}, 'Related coverage'), related));
  try {
    const answer = await api('/api/articles/' + encodeURIComponent(id) + '/related?size=8');
    for (const hit of answer.hits) {
      related.append(el('li', {}, el('a', { href: '#/article/' + encodeURIComponent(hit.id) }, hit.title || hit.id),
        el('span', { class: 'muted' }, ' ' + [hit.source, formatDate(hit.publishedAt)].filter(Boolean).join(' · '))));
    }
    if (!answer.hits.length) related.append(el('li', { class: 'muted' }, 'Nothing similar yet.'));
  } catch (error) {
    related.append(el('li', { class: 'error' }, error.message));
  }
}

// ---- rules ----

function ruleDraft() {
  const value = id => document.getElementById(id).value.trim();
  const kind = value('rule-kind');
  return {
    name: value('rule-name'),
    query: value('rule-query') || null,
    topics: value('rule-topics') ? value('rule-topics').split(',').map(t => t.trim()).filter(Boolean) : [],
    kind: kind,
    threshold: kind === 'threshold' ? Number(value('rule-threshold')) : null,
    window: kind === 'threshold' ? value('rule-window') : null,
    webhookUrl: value('rule-webhook') || null
  };
}

function message(text, isError) {
  const node = document.getElementById('rule-message');
  node.textContent = text;
  node.className = 'message' + (isError ? ' error' : '');
}

async function showRules() {
  view.replaceChildren(document.getElementById('rules-template').content.cloneNode(true));
  const form = document.getElementById('rule-form');
  const kind = document.getElementById('rule-kind');
  const toggle = () => form.classList.toggle('is-threshold', kind.value === 'threshold');
  kind.addEventListener('change', toggle);
  toggle();
  form.addEventListener('reset', () => { document.getElementById('rule-id').value = ''; setTimeout(toggle); });
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const id = document.getElementById('rule-id').value;
    try {
      const rule = await api(id ? '/api/rules/' + encodeURIComponent(id) : '/api/rules', {
        method: id ? 'PUT' : 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify(ruleDraft())
      });
      message('Saved rule ' + rule.name + '.');
      form.reset();
      await listRules();
    } catch (error) {
      message(error.message, true);
    }
  });
  document.getElementById('rule-preview').addEventListener('click', async () => {
    const preview = document.getElementById('preview');
    try {
      const answer = await api('/api/rules/preview?size=10', {
        method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: JSON.stringify(Object.assign(ruleDraft(), { name: ruleDraft().name || 'preview' }))
      });
      const list = el('ul', { class: 'preview-hits' });
      for (const hit of answer.hits) {
        list.append(el('li', {}, el('a', { href: '#/article/' + encodeURIComponent(hit.id) }, hit.title || hit.id),
          el('span', { class: 'muted' }, ' ' + formatDate(hit.publishedAt))));
      }
      preview.replaceChildren(el('h3', { id: 'preview-total' }, answer.total + ' matching articles in the last 7 days'), list);
      message('');
    } catch (error) {
      preview.replaceChildren();
      message(error.message, true);
    }
  });
  await listRules();
  alertTimer = setInterval(refreshAlerts, 3000);
}

async function listRules() {
  const list = document.getElementById('rules');
  if (!list) return;
  let rules;
  try {
    rules = await api('/api/rules');
  } catch (error) {
    list.replaceChildren(el('li', { class: 'error' }, error.message));
    return;
  }
  list.replaceChildren();
  if (!rules.length) list.append(el('li', { class: 'muted' }, 'No rules yet.'));
  for (const rule of rules) {
    const webhook = rule.webhookUrl
      ? el('div', { class: 'webhook' + (rule.webhook.failures ? ' failing' : '') },
        'Webhook ' + rule.webhookUrl + ': ' + rule.webhook.delivered + ' delivered, ' + rule.webhook.failures + ' failed',
        rule.webhook.lastError ? ' — last error ' + formatDate(rule.webhook.lastErrorAt) + ': ' + rule.webhook.lastError : '')
      : null;
    const item = el('li', { class: 'rule', 'data-rule-id': rule.id },
      el('h3', {}, rule.name),
      el('div', { class: 'meta' }, [rule.kind === 'threshold' ? `≥ ${rule.threshold} in ${rule.window}` : 'every match',
        rule.query ? 'query: ' + rule.query : null, rule.topics.length ? 'topics: ' + rule.topics.join(', ') : null]
        .filter(Boolean).join(' · ')),
      webhook,
      el('div', { class: 'buttons' },
        el('button', { type: 'button', class: 'edit', onclick: () => editRule(rule) }, 'Edit'),
        el('button', { type: 'button', class: 'delete', onclick: () => deleteRule(rule) }, 'Delete'),
        el('a', { href: '/api/rules/' + encodeURIComponent(rule.id) + '/alerts.atom' }, 'Atom feed')),
      el('ol', { class: 'alerts' }));
    list.append(item);
  }
  await refreshAlerts();
}

async function refreshAlerts() {
  for (const item of document.querySelectorAll('li.rule')) {
    const id = item.getAttribute('data-rule-id');
    try {
      const answer = await api('/api/rules/' + encodeURIComponent(id) + '/alerts?size=10');
      const list = item.querySelector('ol.alerts');
      list.replaceChildren();
      for (const alert of answer.alerts) {
        list.append(el('li', { class: 'alert-item', 'data-article-id': alert.articleId },
          el('a', { href: '#/article/' + encodeURIComponent(alert.articleId) }, alert.title || alert.articleId),
          el('span', { class: 'muted' }, ' fired ' + formatDate(alert.firedAt) + (alert.source ? ' · ' + alert.source : ''))));
      }
      if (!answer.alerts.length) list.append(el('li', { class: 'muted' }, 'No alerts yet.'));
    } catch (error) {
      // the rule may just have been deleted; the next listing shows it
    }
  }
}

function editRule(rule) {
  document.getElementById('rule-id').value = rule.id;
  document.getElementById('rule-name').value = rule.name;
  document.getElementById('rule-query').value = rule.query || '';
  document.getElementById('rule-topics').value = rule.topics.join(', ');
  document.getElementById('rule-kind').value = rule.kind;
  document.getElementById('rule-threshold').value = rule.threshold || 20;
  document.getElementById('rule-window').value = rule.window || '1h';
  document.getElementById('rule-webhook').value = rule.webhookUrl || '';
  document.getElementById('rule-kind').dispatchEvent(new Event('change'));
  document.getElementById('rule-name').focus();
}

async function deleteRule(rule) {
  if (!confirm('Delete rule "' + rule.name + '"?')) return;
  try {
    await api('/api/rules/' + encodeURIComponent(rule.id), { method: 'DELETE' });
    message('Deleted rule ' + rule.name + '.');
  } catch (error) {
    message(error.message, true);
  }
  await listRules();
}

window.addEventListener('hashchange', route);
route();
