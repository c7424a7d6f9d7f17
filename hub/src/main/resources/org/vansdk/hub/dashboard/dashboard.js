// The hub's dashboard: draws the regional figures (GET /van/v1/figures, the indicators module's
// JSON form) as a table and a chart by country and year, and the service directory
// (GET /van/v1/directory) as a searchable list, in the network's six languages. Everything comes
// from the hub itself; text from the data is always set as text, never as HTML.
'use strict';

(function () {
  const LANGUAGES = ['en', 'km', 'lo', 'my', 'th', 'vi'];
  const CROSS = ['country', 'year'];

  // What the page fetched, for people and tests that want to see it.
  const state = {
    lang: 'en',
    labels: null,
    figures: null,
    directory: null,
    indicator: null,
    chart: null,
    ready: false,
    readyMs: null,
  };
  window.vanDashboard = state;

  const byId = (id) => document.getElementById(id);

  function el(tag, text, className) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) {
      e.textContent = text;
    }
    if (className) {
      e.className = className;
    }
    return e;
  }

  function ui(key) {
    return (state.labels && state.labels.ui[key]) || key;
  }

  function valueLabel(dimension, code) {
    const values = state.labels && state.labels.values[dimension];
    return (values && values[code]) || code;
  }

  function firstLanguage() {
    const asked = new URLSearchParams(window.location.search).get('lang');
    if (LANGUAGES.includes(asked)) {
      return asked;
    }
    try {
      const saved = window.localStorage.getItem('van.dashboard.lang');
      if (LANGUAGES.includes(saved)) {
        return saved;
      }
    } catch (e) {
      // storage may be disabled; the browser's languages decide
    }
    for (const tag of navigator.languages || []) {
      const base = tag.toLowerCase().split('-')[0];
      if (LANGUAGES.includes(base)) {
        return base;
      }
    }
    return 'en';
  }

  async function fetchJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error(url + ' answered ' + response.status);
    }
    return response.json();
  }

  function showStatus(text) {
    byId('status').textContent = text;
  }

  // ---- labels

  async function setLanguage(lang) {
    state.labels = await fetchJson('/dashboard/labels/' + encodeURIComponent(lang));
    state.lang = lang;
    try {
      window.localStorage.setItem('van.dashboard.lang', lang);
    } catch (e) {
      // not remembered; nothing else depends on it
    }
    document.documentElement.lang = lang;
    document.title = ui('title');
    for (const e of document.querySelectorAll('[data-label]')) {
      e.textContent = ui(e.dataset.label);
    }
    for (const e of document.querySelectorAll('[data-label-placeholder]')) {
      e.placeholder = ui(e.dataset.labelPlaceholder);
    }
    byId('draft-note').hidden = state.labels.reviewStatus !== 'machine_drafted';
    const select = byId('language');
    select.replaceChildren();
    for (const tag of LANGUAGES) {
      const option = el('option', state.labels.languages[tag] || tag);
      option.value = tag;
      option.selected = tag === lang;
      select.appendChild(option);
    }
    fillDirectoryChoices();
    if (state.figures) {
      renderFigures();
    }
    if (state.directory) {
      renderDirectory(state.directory);
    }
  }

  // ---- figures

  function format(o) {
    if (o.status === 'suppressed') {
      return ui('suppressedMark');
    }
    if (o.status === 'no_denominator' || o.value === undefined) {
      return ui('noDenominatorMark');
    }
    const locale = state.lang + '-u-nu-latn';
    if (o.unit === 'proportion') {
      const f = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
      return f.format(o.value * 100) + ' %';
    }
    if (o.unit === 'count') {
      return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(o.value);
    }
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(o.value);
  }

  function cell(o, where, className) {
    const td = el('td', o ? format(o) : '', className);
    td.dataset.indicator = state.indicator;
    td.dataset.country = where.country || '';
    td.dataset.year = where.year || '';
    if (!o) {
      td.dataset.status = 'absent';
      return td;
    }
    td.dataset.status = o.status;
    td.dataset.value = o.value === undefined ? '' : String(o.value);
    if (o.status !== 'normal') {
      td.classList.add(o.status);
      const meaning = o.status === 'suppressed' ? ui('suppressed') : ui('noDenominator');
      td.title = meaning;
      td.setAttribute('aria-label', meaning);
    }
    return td;
  }

  function indicatorName(code) {
    return (state.labels.indicators && state.labels.indicators[code]) || code;
  }

  function renderFigures() {
    const figures = state.figures;
    byId('period').textContent = figures.period.start + ' – ' + figures.period.end;
    const codes = [];
    for (const o of figures.observations) {
      if (!codes.includes(o.indicator)) {
        codes.push(o.indicator);
      }
    }
    if (codes.length === 0) {
      showStatus(ui('noData'));
    }
    if (!codes.includes(state.indicator)) {
      state.indicator = codes[0] || null;
    }
    const select = byId('indicator');
    select.replaceChildren();
    for (const code of codes) {
      const option = el('option', code + ' · ' + indicatorName(code));
      option.value = code;
      option.selected = code === state.indicator;
      select.appendChild(option);
    }
    byId('indicator-name').textContent = state.indicator ? indicatorName(state.indicator) : '';
    const mine = figures.observations.filter((o) => o.indicator === state.indicator);
    const cross = mine.filter((o) => Object.keys(o.dimensions).every((d) => CROSS.includes(d)));
    const others = mine.filter((o) => !Object.keys(o.dimensions).every((d) => CROSS.includes(d)));
    renderTable(cross);
    renderChart(cross);
    renderBreakdowns(others);
  }

  function find(observations, country, year) {
    return observations.find(
      (o) =>
        o.dimensions.country === country &&
        o.dimensions.year === year &&
        Object.keys(o.dimensions).length === (country ? 1 : 0) + (year ? 1 : 0),
    );
  }

  function axes(observations) {
    const countries = [...new Set(observations.map((o) => o.dimensions.country).filter(Boolean))];
    const years = [...new Set(observations.map((o) => o.dimensions.year).filter(Boolean))];
    countries.sort();
    years.sort();
    return { countries, years };
  }

  function renderTable(observations) {
    const { countries, years } = axes(observations);
    const table = byId('figures-table');
    table.replaceChildren();
    const head = el('thead');
    const headRow = el('tr');
    headRow.appendChild(el('th', ui('country')));
    for (const y of years) {
      headRow.appendChild(el('th', y));
    }
    headRow.appendChild(el('th', ui('allYears')));
    head.appendChild(headRow);
    table.appendChild(head);
    const body = el('tbody');
    for (const c of countries) {
      const row = el('tr');
      const th = el('th', valueLabel('country', c));
      th.scope = 'row';
      row.appendChild(th);
      for (const y of years) {
        row.appendChild(cell(find(observations, c, y), { country: c, year: y }));
      }
      row.appendChild(cell(find(observations, c, undefined), { country: c }, 'total'));
      body.appendChild(row);
    }
    const total = el('tr', null, 'total');
    const th = el('th', ui('allCountries'));
    th.scope = 'row';
    total.appendChild(th);
    for (const y of years) {
      total.appendChild(cell(find(observations, undefined, y), { year: y }));
    }
    total.appendChild(cell(find(observations, undefined, undefined), {}, 'total'));
    body.appendChild(total);
    table.appendChild(body);
  }

  function chartValue(o) {
    if (!o || o.status !== 'normal' || o.value === undefined) {
      return null;
    }
    return o.unit === 'proportion' ? Math.round(o.value * 1000) / 10 : o.value;
  }

  function renderChart(observations) {
    if (typeof window.echarts === 'undefined') {
      return;
    }
    const { countries, years } = axes(observations);
    if (!state.chart) {
      state.chart = window.echarts.init(byId('chart'));
      window.addEventListener('resize', () => state.chart.resize());
    }
    const series = countries.map((c) => ({
      name: valueLabel('country', c),
      type: 'bar',
      data: years.map((y) => chartValue(find(observations, c, y))),
    }));
    if (countries.length === 0) {
      series.push({
        name: ui('allCountries'),
        type: 'bar',
        data: years.map((y) => chartValue(find(observations, undefined, y))),
      });
    }
    const unit = observations.length > 0 && observations[0].unit === 'proportion' ? ' %' : '';
    state.chart.setOption(
      {
        animation: false,
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 50, right: 20, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: years },
        yAxis: { type: 'value', axisLabel: { formatter: '{value}' + unit } },
        series,
      },
      true,
    );
    byId('chart').setAttribute('aria-label', ui('chart') + ': ' + indicatorName(state.indicator));
  }

  function breakdownText(o) {
    return Object.entries(o.dimensions)
      .map(([d, v]) => ((state.labels.dimensions[d] || d) + ': ' + valueLabel(d, v)))
      .join(' · ');
  }

  function renderBreakdowns(observations) {
    const table = byId('breakdowns-table');
    table.replaceChildren();
    byId('breakdowns').hidden = observations.length === 0;
    const head = el('tr');
    head.appendChild(el('th', ui('breakdown')));
    head.appendChild(el('th', ui('value')));
    table.appendChild(el('thead')).appendChild(head);
    const body = el('tbody');
    for (const o of observations.slice(0, 500)) {
      const row = el('tr');
      row.appendChild(el('th', breakdownText(o)));
      row.appendChild(cell(o, o.dimensions));
      body.appendChild(row);
    }
    table.appendChild(body);
  }

  // ---- directory

  // Refills a choice list in the current language, keeping what was chosen.
  function fillChoices(select, anyLabel, labels) {
    const chosen = select.value;
    select.replaceChildren();
    const any = el('option', anyLabel);
    any.value = '';
    select.appendChild(any);
    for (const [code, name] of Object.entries(labels || {})) {
      const option = el('option', name);
      option.value = code;
      option.selected = code === chosen;
      select.appendChild(option);
    }
  }

  function fillDirectoryChoices() {
    fillChoices(byId('directory-country'), ui('anyCountry'), state.labels.values.country);
    fillChoices(byId('directory-type'), ui('anyServiceType'), state.labels.serviceTypes);
  }

  function text(names) {
    if (!names || names.length === 0) {
      return '';
    }
    const own = names.find((n) => n.lang === state.lang);
    return (own || names[0]).text;
  }

  async function searchDirectory() {
    const params = new URLSearchParams();
    const q = byId('directory-q').value.trim();
    if (q) {
      params.set('q', q);
    }
    if (byId('directory-country').value) {
      params.set('country', byId('directory-country').value);
    }
    if (byId('directory-type').value) {
      params.set('serviceType', byId('directory-type').value);
    }
    const query = params.toString();
    const answer = await fetchJson('/van/v1/directory' + (query ? '?' + query : ''));
    state.directory = answer;
    renderDirectory(answer);
    return answer;
  }

  function renderDirectory(answer) {
    const list = byId('directory-results');
    list.replaceChildren();
    byId('directory-count').textContent =
      answer.services.length === 0
        ? ui('noResults')
        : ui('resultsCount') + ' ' + answer.services.length + (answer.truncated ? ' · ' + ui('truncated') : '');
    for (const item of answer.services) {
      const li = el('li', null, 'service');
      li.dataset.serviceId = item.service.id;
      li.appendChild(el('div', text(item.service.name), 'name'));
      const org = item.organisation;
      li.appendChild(
        el(
          'div',
          text(org.name) +
            ' · ' +
            (state.labels.organisationTypes[org.type] || org.type) +
            ' · ' +
            valueLabel('country', org.country),
          'org',
        ),
      );
      const types = el('ul', null, 'types');
      for (const t of item.service.serviceTypes) {
        types.appendChild(el('li', state.labels.serviceTypes[t] || t));
      }
      li.appendChild(types);
      const areas = [];
      for (const l of item.locations || []) {
        for (const a of l.areasCovered || []) {
          areas.push(a.name ? a.name + ' (' + a.pCode + ')' : a.pCode);
        }
      }
      const meta = [ui('status') + ': ' + (state.labels.serviceStatus[item.service.status] || item.service.status)];
      if (areas.length > 0) {
        meta.push(ui('areas') + ': ' + areas.join(', '));
      }
      if (item.service.languages && item.service.languages.length > 0) {
        meta.push(ui('languages') + ': ' + item.service.languages.join(', '));
      }
      li.appendChild(el('div', meta.join(' · '), 'meta'));
      list.appendChild(li);
    }
  }

  // ---- start

  async function start() {
    byId('language').addEventListener('change', (e) => {
      setLanguage(e.target.value).catch(() => showStatus(ui('loadFailed')));
    });
    byId('indicator').addEventListener('change', (e) => {
      state.indicator = e.target.value;
      renderFigures();
    });
    byId('directory-search').addEventListener('submit', (e) => {
      e.preventDefault();
      searchDirectory().catch(() => showStatus(ui('loadFailed')));
    });
    try {
      await setLanguage(firstLanguage());
      state.figures = await fetchJson('/van/v1/figures');
      renderFigures();
      await searchDirectory();
    } catch (e) {
      showStatus(ui('loadFailed'));
    } finally {
      state.readyMs = Math.round(performance.now());
      state.ready = true;
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    start();
  });
})();
