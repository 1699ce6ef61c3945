/* global document */
/* The overview of a planner serving several deployments (`GET /`): each one with its counts and a link to its dashboard. */
import { ApiError, getJson, token } from './api.js';
import { getLang, setLang, t, translatePage } from './i18n.js';
import { esc, SEVERITY } from './util.js';

const $ = (id) => document.getElementById(id);

function message(text) {
  $('message').hidden = !text;
  $('message').textContent = text ?? '';
}

function render(list) {
  $('deployments').hidden = false;
  $('deployments').querySelector('tbody').innerHTML = list.map((d) => `<tr>
    <td><a href="d/${encodeURIComponent(d.name)}/">${esc(d.name)}</a></td>
    <td>${esc(d.topology ?? '')}</td>
    <td>${SEVERITY.map((k) => `<span class="badge ${k}">${d.counts[k] ?? 0} ${esc(t(k))}</span>`).join(' ')}</td>
    <td>${d.agents.connected} / ${d.agents.known}</td>
  </tr>`).join('');
}

async function load() {
  try {
    const { deployments } = await getJson('/api/deployments');
    $('token-form').hidden = true;
    message('');
    render(deployments);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 401 || e.status === 403)) {
      $('token-form').hidden = false;
      message(t('deploymentsNeedToken'));
    } else {
      message(t('error', { message: e.message }));
    }
  }
}

$('token-form').addEventListener('submit', (ev) => {
  ev.preventDefault();
  token.set($('token').value.trim());
  void load();
});
$('lang').value = getLang();
$('lang').addEventListener('change', () => {
  setLang($('lang').value);
  translatePage();
  void load();
});
translatePage();
void load();
