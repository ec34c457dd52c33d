/*
 * Chart-library benchmark harness (plain browser JavaScript, served by scripts/bench/chart-render.ts).
 * Mounts a 1200×300 chart shaped like LiveDesk's trend chart — 4 series × 480 points (an 8-hour
 * show): online as a filled line, GMV/min as bars on a right axis, comments/min as a line,
 * conversion as a dashed line — then appends one point (dropping the oldest) and redraws,
 * `updates` times, and reports the time of each update.
 */
/* global window, document, requestAnimationFrame, uPlot, Chart */
(function () {
  'use strict';

  const WIDTH = 1200;
  const HEIGHT = 300;
  const COLORS = ['#4c8dff', '#fe2c55', '#22c5a5', '#f5a524'];

  /** Deterministic random walk, so both libraries draw exactly the same data. */
  function makeRandom(seed) {
    let s = seed >>> 0;
    return () => {
      s = (s * 1664525 + 1013904223) >>> 0;
      return s / 4294967296;
    };
  }

  function makeSeries(points) {
    const random = makeRandom(7);
    const start = Date.UTC(2026, 10, 23, 12) / 1000;
    const state = { t: start, online: 8000, random };
    const columns = { x: [], online: [], gmv: [], comments: [], conversion: [] };
    for (let i = 0; i < points; i++) pushPoint(columns, state);
    return { columns, state };
  }

  function pushPoint(columns, state) {
    const r = state.random;
    state.online = Math.max(500, state.online + (r() - 0.5) * 900);
    columns.x.push(state.t);
    columns.online.push(Math.round(state.online));
    columns.gmv.push(Math.round(r() * 3_000_000));
    columns.comments.push(Math.round(2000 + r() * 2500));
    columns.conversion.push(0.01 + r() * 0.03);
    state.t += 60;
  }

  function shiftPoint(columns) {
    for (const key of Object.keys(columns)) columns[key].shift();
  }

  const fromZero = (_u, _min, max) => [0, max > 0 ? max * 1.2 : 1];

  const uplotLib = {
    mount(host, columns) {
      const opts = {
        width: WIDTH,
        height: HEIGHT,
        legend: { show: false },
        scales: {
          x: { time: true },
          count: { range: fromZero },
          money: { range: fromZero },
          perMinute: { range: fromZero },
          fraction: { range: fromZero },
        },
        axes: [
          { scale: 'x', stroke: '#8a93a6' },
          { scale: 'count', stroke: COLORS[0], grid: { stroke: 'rgba(255,255,255,0.07)' } },
          { scale: 'money', side: 1, stroke: COLORS[1], grid: { show: false } },
        ],
        series: [
          {},
          {
            scale: 'money',
            stroke: COLORS[1],
            fill: 'rgba(254,44,85,0.6)',
            width: 0,
            paths: uPlot.paths.bars({ size: [0.72, 24], gap: 1 }),
            points: { show: false },
          },
          {
            scale: 'count',
            stroke: COLORS[0],
            fill: 'rgba(76,141,255,0.2)',
            width: 1.75,
            points: { show: false },
          },
          { scale: 'perMinute', stroke: COLORS[2], width: 1.3, points: { show: false } },
          { scale: 'fraction', stroke: COLORS[3], width: 1.3, dash: [6, 4], points: { show: false } },
        ],
      };
      return new uPlot(opts, this.data(columns), host);
    },
    data(c) {
      return [c.x, c.gmv, c.online, c.comments, c.conversion];
    },
    update(chart, columns) {
      chart.setData(this.data(columns));
    },
    destroy(chart) {
      chart.destroy();
    },
  };

  const chartjsLib = {
    mount(host, columns) {
      const canvas = document.createElement('canvas');
      canvas.width = WIDTH;
      canvas.height = HEIGHT;
      canvas.style.width = `${WIDTH}px`;
      canvas.style.height = `${HEIGHT}px`;
      host.appendChild(canvas);
      const points = (key) => columns.x.map((x, i) => ({ x, y: columns[key][i] }));
      this.points = {
        online: points('online'),
        gmv: points('gmv'),
        comments: points('comments'),
        conversion: points('conversion'),
      };
      const hidden = { display: false, beginAtZero: true, grace: '20%' };
      return new Chart(canvas, {
        data: {
          datasets: [
            {
              type: 'bar',
              data: this.points.gmv,
              yAxisID: 'money',
              backgroundColor: 'rgba(254,44,85,0.6)',
              barPercentage: 0.72,
              categoryPercentage: 1,
            },
            {
              type: 'line',
              data: this.points.online,
              yAxisID: 'count',
              borderColor: COLORS[0],
              backgroundColor: 'rgba(76,141,255,0.2)',
              fill: true,
              borderWidth: 1.75,
              pointRadius: 0,
            },
            {
              type: 'line',
              data: this.points.comments,
              yAxisID: 'perMinute',
              borderColor: COLORS[2],
              borderWidth: 1.3,
              pointRadius: 0,
            },
            {
              type: 'line',
              data: this.points.conversion,
              yAxisID: 'fraction',
              borderColor: COLORS[3],
              borderWidth: 1.3,
              borderDash: [6, 4],
              pointRadius: 0,
            },
          ],
        },
        options: {
          // Chart.js's documented fast path: no animation, pre-parsed sorted data.
          animation: false,
          parsing: false,
          normalized: true,
          responsive: false,
          devicePixelRatio: window.devicePixelRatio,
          plugins: {
            legend: { display: false },
            tooltip: { enabled: false },
            decimation: { enabled: false },
          },
          scales: {
            x: { type: 'linear', ticks: { color: '#8a93a6' }, grid: { display: false } },
            count: {
              position: 'left',
              beginAtZero: true,
              grace: '20%',
              ticks: { color: COLORS[0] },
              grid: { color: 'rgba(255,255,255,0.07)' },
            },
            money: {
              position: 'right',
              beginAtZero: true,
              grace: '20%',
              ticks: { color: COLORS[1] },
              grid: { display: false },
            },
            perMinute: hidden,
            fraction: hidden,
          },
        },
      });
    },
    update(chart, columns) {
      const last = columns.x.length - 1;
      for (const key of Object.keys(this.points)) {
        const data = this.points[key];
        data.shift();
        data.push({ x: columns.x[last], y: columns[key][last] });
      }
      chart.update('none');
    },
    destroy(chart) {
      chart.destroy();
    },
  };

  /** No chart: the same loop with only the data change, for the page's own frame timing. */
  const baseline = {
    mount() {
      return null;
    },
    update() {},
    destroy() {},
  };

  /** Forces style and layout now rather than later in the frame (a layout read). */
  function layout(host) {
    host.getBoundingClientRect();
  }

  /**
   * Forces the canvas's rasterisation: 2D canvas drawing is recorded and only rasterised at
   * paint time, so reading one pixel back makes the drawing's pixel cost land here.
   */
  function raster(host) {
    const canvas = host.querySelector('canvas');
    if (canvas) canvas.getContext('2d').getImageData(0, 0, 1, 1);
  }

  const LIBS = { uplot: uplotLib, chartjs: chartjsLib, baseline };
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const heap = () => (performance.memory ? performance.memory.usedJSHeapSize : null);
  const collect = () => {
    if (typeof window.gc === 'function') window.gc();
  };

  /**
   * One library: mount, warm up, then `updates` timed updates. Each update starts at the top of
   * an animation frame. scriptMs: from before the data change to after the library's redraw
   * (uPlot commits in a microtask, awaited) and a forced layout; updateMs: the same plus the
   * canvas's rasterisation. frameMs is that frame's length (rAF to rAF): over ~16.7 ms means a
   * frame was missed.
   */
  window.benchChart = async function benchChart(name, options) {
    const { points, updates, warmup, intervalMs } = options;
    const lib = LIBS[name];
    const host = document.getElementById('host');
    host.replaceChildren();
    const { columns, state } = makeSeries(points);
    collect();
    const heapStart = heap();

    await nextFrame();
    const mountStart = performance.now();
    const chart = lib.mount(host, columns);
    await Promise.resolve();
    layout(host);
    raster(host);
    const mountMs = performance.now() - mountStart;

    const longTasks = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    let measuring = false;
    const scriptMs = [];
    const updateMs = [];
    const frameMs = [];
    for (let i = 0; i < warmup + updates; i++) {
      if (i === warmup) {
        collect();
        observer.observe({ type: 'longtask' });
        measuring = true;
      }
      await sleep(intervalMs);
      const frameStart = await nextFrame();
      const start = performance.now();
      shiftPoint(columns);
      pushPoint(columns, state);
      lib.update(chart, columns);
      await Promise.resolve();
      layout(host);
      const scriptEnd = performance.now();
      raster(host);
      const end = performance.now();
      const nextFrameStart = await nextFrame();
      if (measuring) {
        scriptMs.push(scriptEnd - start);
        updateMs.push(end - start);
        frameMs.push(nextFrameStart - frameStart);
      }
    }
    await sleep(100); // let the last long-task entries arrive
    observer.disconnect();
    collect();
    const heapEnd = heap();
    lib.destroy(chart);
    return { name, mountMs, scriptMs, updateMs, frameMs, longTasks, heapStart, heapEnd };
  };
})();
