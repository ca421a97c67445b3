// The three browser engines behind one small interface, so a reader-facing test is written
// once and run in each: Chromium through Playwright, Firefox (Debian's firefox-esr) through
// puppeteer-core over WebDriver BiDi, WebKit (WebKitGTK's MiniBrowser) through
// selenium-webdriver and WebKitWebDriver. Playwright's own Firefox and WebKit are downloads
// that do not work everywhere; these are the engines a Debian machine has.
//
// What a test may do is what all three offer: open a URL, run a function in the page (its
// result comes back as JSON; a promise is awaited), click an element inside a shadow root
// with real input (a user gesture), go back and forward as the browser's buttons do.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { launch } from './support.mjs';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** How often a condition is asked again. */
const POLL_MS = 25;

/**
 * `fn` called with `args` in the page, as an expression every driver evaluates. A DOM node
 * comes back as `true` (drivers disagree on what a node becomes: a handle, a reference or
 * nothing), so a condition may return the element it waits for.
 */
const call = (fn, args) =>
  `Promise.resolve((${fn})(...${JSON.stringify(args)})).then((value) => (value instanceof Node ? true : value))`;

/**
 * Polls `fn(...args)` in the page until it returns something truthy, and returns that; fails
 * after `timeout` ms with `what` in the message. (A condition, never a fixed sleep.)
 */
async function waitFor(page, fn, args, { timeout = 20000, what = String(fn) } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await page.evaluate(fn, ...args);
      if (last) return last;
    } catch (error) {
      // A page mid-navigation has no context to run in: try again.
      last = error;
    }
    if (Date.now() > end) {
      const where = await page.evaluate(() => `${location.href} (${document.readyState})`).catch((e) => String(e));
      throw new Error(`timed out waiting for ${what} on ${where} (last: ${last})`);
    }
    // Asking again at once would keep the page's main thread busy answering.
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** A free port on loopback. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A driven page: the driver's own calls, and `waitFor` on top of its `evaluate`. */
function driven(calls) {
  const page = { ...calls };
  page.waitFor = (fn, args = [], options) => waitFor(page, fn, args, options);
  return page;
}

/**
 * A page of Playwright or Puppeteer (one API for these calls) in its own browser context; only
 * a click inside a shadow root is said differently.
 */
function contextPage(context, page, click) {
  return driven({
    goto: (url) => page.goto(url),
    evaluate: (fn, ...args) => page.evaluate(call(fn, args)),
    click: (host, inner) => click(page, host, inner),
    back: () => page.goBack(),
    forward: () => page.goForward(),
    close: () => context.close(),
  });
}

async function chromium() {
  const browser = await launch();
  return {
    version: `Chromium ${browser.version()}`,
    async newPage() {
      const context = await browser.newContext();
      // Playwright's CSS selectors enter open shadow roots.
      return contextPage(context, await context.newPage(), (page, host, inner) => page.locator(host).locator(inner).first().click());
    },
    close: () => browser.close(),
  };
}

async function firefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      // Nothing but loopback: no update checks, telemetry or captive-portal probes.
      'network.proxy.type': 0,
      'network.captive-portal-service.enabled': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
    },
  });
  return {
    version: `Firefox ${(await browser.version()).replace(/^firefox\//i, '')}`,
    async newPage() {
      const context = await browser.createBrowserContext();
      // Puppeteer enters shadow roots with its `>>>` combinator.
      return contextPage(context, await context.newPage(), async (page, host, inner) => {
        const element = await page.waitForSelector(`${host} >>> ${inner}`);
        await element.click();
      });
    },
    close: () => browser.close(),
  };
}

async function webkit() {
  const { Builder } = await import('selenium-webdriver');
  const port = await freePort();
  // MiniBrowser needs a display: the driver and the browsers it starts run under Xvfb.
  const driverProcess = spawn('xvfb-run', ['-a', 'WebKitWebDriver', `--port=${port}`], { stdio: 'ignore', detached: true });
  const stopDriver = () => {
    try {
      process.kill(-driverProcess.pid);
    } catch {
      // Already gone.
    }
  };
  let driver;
  for (const end = Date.now() + 20000; ; ) {
    try {
      driver = await new Builder()
        .usingServer(`http://127.0.0.1:${port}`)
        .withCapabilities({
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
        })
        .build();
      break;
    } catch (error) {
      // The driver is still starting.
      if (Date.now() > end) {
        stopDriver();
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const capabilities = await driver.getCapabilities();
  return {
    version: `WebKitGTK ${capabilities.get('browserVersion')}`,
    // One browser for every test (starting MiniBrowser is slow); each test starts afresh.
    async newPage() {
      await driver.get('about:blank');
      const page = driven({
        goto: (url) => driver.get(url),
        evaluate: (fn, ...args) => driver.executeScript(`return ${call(fn, args)};`),
        async click(host, inner) {
          const find = (h, i) => document.querySelector(h)?.shadowRoot?.querySelector(i) ?? null;
          await page.waitFor(find, [host, inner], { what: `${host} ${inner}` });
          const element = await driver.executeScript(`return (${find})(...arguments);`, host, inner);
          await element.click();
        },
        back: () => driver.navigate().back(),
        forward: () => driver.navigate().forward(),
        close: async () => {},
      });
      return page;
    },
    async close() {
      await driver.quit().catch(() => {});
      stopDriver();
    },
  };
}

/** Starts `engine`: resolves to { version, newPage(), close() }. */
export function start(engine) {
  return { chromium, firefox, webkit }[engine]();
}
