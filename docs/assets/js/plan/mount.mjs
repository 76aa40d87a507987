// My plan: what the worksheets saved, labelled by their specs (the page's JSON island), with the
// tools to print, copy, share, export, import and delete. User text goes in as text only.

import { localToday } from "../core/dates.mjs";
import { html } from "../core/dom.mjs";
import { PLAN_MESSAGES as MESSAGES } from "../core/messages.mjs";
import { allValues, replaceAll, siteEntries } from "../store/storage.mjs";
import { calendarFile } from "./calendar.mjs";
import { runPlanChecks } from "./checks.mjs";
import { download, importFlow } from "./files.mjs";
import { allDeadlines, planSections } from "./model.mjs";
import { sectionElement } from "./render.mjs";
import { SHARE_MARK, SHARE_MAX_CHARS, readShareFragment, shareFragment } from "./share.mjs";
import { planText } from "./text.mjs";
import { collectExport } from "./transfer.mjs";

const plural = (count, one, many) => `${count} ${count === 1 ? one : many}`;
const pageUrl = () => window.location.href.split("#")[0];

export function mount(root) {
  const config = JSON.parse(root.dataset.planConfig);
  const specs = config.worksheets || {};
  const find = (selector) => root.querySelector(selector);
  const status = find("[data-plan-status]");
  const alert = find("[data-plan-alert]");
  const deleteConfirm = find("[data-delete-confirm]");
  let documents = {};
  let sections = [];

  // Messages show where the person is looking: after the control that caused them, focused.
  const home = document.createComment("messages");
  status.before(home);
  const place = (near) => {
    const spot = near && (near.closest(".plan-buttons, p, .plan-confirm") || near);
    if (spot && root.contains(spot) && !spot.hidden) spot.after(status, alert);
    else home.after(status, alert);
  };
  const show = (shown, hidden, message, near) => {
    place(near);
    hidden.textContent = "";
    shown.textContent = message;
    if (message && near) {
      shown.tabIndex = -1;
      shown.focus({ preventScroll: true });
      shown.scrollIntoView({ block: "nearest" });
    }
  };
  const say = (message, near) => show(status, alert, message, near);
  const warn = (message, near) => show(alert, status, message, near);
  const ownDocuments = () => allValues() ?? {};
  const fileInput = find("[data-import-file]");
  const imports = importFlow(root, { find, say: (m) => say(m, m && fileInput), warn: (m) => warn(m, fileInput),
    specs, ownCount: () => Object.keys(ownDocuments()).length });

  async function load() {
    const shared = window.location.hash.startsWith(SHARE_MARK);
    root.dataset.mode = shared ? "shared" : "owner";
    for (const node of root.querySelectorAll("[data-owner-only]")) node.hidden = shared;
    for (const node of root.querySelectorAll("[data-shared-only]")) node.hidden = !shared;
    say("");
    if (shared) {
      try {
        documents = await readShareFragment(window.location.hash);
      } catch (error) {
        documents = {};
        warn(MESSAGES.badLink);
      }
    } else {
      const found = allValues();
      if (found === null) warn(MESSAGES.blocked);
      documents = found ?? {};
      showPersistence();
    }
    render();
  }

  async function showPersistence() {
    if (!navigator.storage || !navigator.storage.persisted) return;
    try {
      find("[data-persistence]").textContent = (await navigator.storage.persisted())
        ? "This browser has agreed to keep this site's data until you delete it yourself."
        : "This browser has not promised to keep this site's data, so an exported file is your safe copy.";
    } catch (error) { /* nothing to tell */ }
  }

  function render() {
    const weeks = (config.worksheet.calendar || {}).review_every_weeks;
    sections = planSections(documents, config);
    const deadlines = allDeadlines(sections, config);
    const checks = [];
    const options = { config, owner: root.dataset.mode === "owner", checks, onCalendar: calendarOf };
    const empty = find("[data-plan-empty]");
    find("[data-plan-body]").replaceChildren(empty, ...sections.map((section) => sectionElement(section, options)));
    empty.hidden = sections.length > 0;
    find("[data-action=calendar]").disabled = deadlines.length === 0;
    find("[data-calendar-note]").textContent = deadlines.length === 0 ? MESSAGES.noDeadline
      : `${plural(deadlines.length, "deadline", "deadlines")}, with a review ` +
        `${weeks === 1 ? "every week" : `every ${weeks} weeks`} until each one.`;
    for (const button of root.querySelectorAll("[data-action=copy-text], [data-action=share], [data-action=print]")) {
      button.disabled = sections.length === 0;
    }
    find("[data-share-result]").hidden = true;
    runPlanChecks(checks, documents, config.urls);
  }

  function calendarOf(deadline) {
    download(`therapy-goal-${deadline.date}.ics`, calendarFile([deadline], config, pageUrl()), "text/calendar");
    say(deadline.appointment ? "A calendar file with this session is downloading. Open it to add it to your calendar."
      : "A calendar file with this deadline and its reviews is downloading. Open it to add them to your calendar.");
  }

  async function copy(text, done) {
    try {
      await navigator.clipboard.writeText(text);
      say(done);
    } catch (error) {
      warn(MESSAGES.noCopy);
    }
  }

  const actions = {
    print: () => window.print(),
    "leave-shared"() {
      window.history.pushState(null, "", pageUrl());
      load();
    },
    calendar(near) {
      const deadlines = allDeadlines(sections, config);
      if (!deadlines.length) return warn(MESSAGES.noDeadline, near);
      download("my-therapy-goals.ics", calendarFile(deadlines, config, pageUrl()), "text/calendar");
      say("Your calendar file is downloading. Open it to add your deadlines and reviews to your calendar.", near);
    },
    "copy-text": () => copy(planText(sections, config), "Your plan is copied as plain text. Paste it into a note or a message."),
    async share() {
      const shown = Object.fromEntries(sections.map((section) => [section.id, section.values]));
      const link = pageUrl() + await shareFragment(shown);
      if (link.length > SHARE_MAX_CHARS) return warn(MESSAGES.tooLongLink);
      find("[data-share-link]").href = link;
      find("[data-share-result]").hidden = false;
      say("Your share link is ready, below.");
    },
    "copy-link": () => copy(find("[data-share-link]").href, "The share link is copied."),
    export(near) {
      const entries = siteEntries("worksheet:");
      if (entries === null) return warn(MESSAGES.blocked, near);
      const data = collectExport(entries);
      download(`set-your-therapy-goals-${localToday()}.json`, JSON.stringify(data, null, 2), "application/json");
      const count = Object.keys(data.worksheets).length;
      say(`Your data from ${plural(count, "worksheet", "worksheets")} is downloading as one file. Keep it somewhere private.`, near);
    },
    "import-confirm"() {
      const taken = imports.take();
      if (!taken) return;
      if (!replaceAll(taken.entries, "worksheet:")) return warn(MESSAGES.importFailed, fileInput);
      load().then(() => say(`Imported ${plural(taken.contents.length, "worksheet", "worksheets")}. Your plan above shows what the file holds.`, fileInput));
    },
    "import-cancel"() {
      imports.close();
      say("Nothing was imported; your data is as it was.", fileInput);
    },
    delete() {
      deleteConfirm.hidden = false;
      deleteConfirm.focus();
    },
    "delete-confirm"() {
      deleteConfirm.hidden = true;
      if (!replaceAll({}, "")) return warn("This browser did not let the page delete the data. Nothing was changed.");
      load().then(() => say("Deleted. Nothing from this site is saved in this browser now."));
    },
    "delete-cancel"() {
      deleteConfirm.hidden = true;
      say("Nothing was deleted.");
    },
  };

  // Where to start when nothing is saved: the worksheets this page gathers, in its order.
  find("[data-plan-starts]").replaceChildren(...config.worksheet.gathers
    .filter((id) => specs[id] && (config.urls.pages || {})[id])
    .map((id) => {
      const item = html("li");
      item.append(html("a", { href: config.urls.pages[id] }, specs[id].title));
      return item;
    }));

  root.addEventListener("click", (event) => {
    const control = event.target.closest("[data-action]");
    if (!control || !root.contains(control) || !actions[control.dataset.action]) return;
    event.preventDefault();
    actions[control.dataset.action](control);
  });
  // A share link opened in a tab already on My plan changes only the fragment: no page load follows.
  // Instant navigation mounts My plan again on each visit: a listener whose plan is gone does nothing.
  window.addEventListener("hashchange", () => {
    if (!root.isConnected) return;
    if (window.location.hash.startsWith(SHARE_MARK) || root.dataset.mode === "shared") load();
  });
  return { root, load };
}
