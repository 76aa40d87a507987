// What the pages say about storage, the checker and the plan's tools: every message in one place.

/** Far above any real entry: beyond it an entry is not sent to Python, and is still saved whole. */
export const MAX_CHECKED_CHARS = 200000;

export const STORAGE_MESSAGES = {
  blocked: "This browser is not letting the site save anything, so your work here will not be kept. " +
    "You can still print it before you leave.",
  full: "This browser's storage is full, so your latest changes are not saved. Print your work to keep a copy.",
  unreadable: "We could not read what this worksheet saved before, so it starts empty. " +
    "The old copy is kept aside in this browser, not deleted: My plan can export it to a file.",
  newer: "What this worksheet saved was written by a newer version of this site, so this page cannot " +
    "read it. Reload the page to get the newer version. Your saved copy is kept aside, not deleted: " +
    "My plan can export it to a file.",
  stuck: "We could not read what this worksheet saved before, and this browser's storage is too full to " +
    "keep a copy aside, so nothing you type here is saved over it. Print your work to keep a copy.",
  otherTab: "Updated with what you saved in another tab.",
  otherTabConflict: "This worksheet was just changed in another tab. What you see here is kept " +
    "and saves over it as you type; to see the other tab's version instead, reload this page.",
};

export const CHECKER_MESSAGES = {
  loading: "The checker is loading. You can type already; your words are saved as you go.",
  ready: "",
  unavailable: "The checker could not start in this browser, so there is no feedback this time. " +
    "Everything else works: your words are saved, and you can print them.",
};

/** About one entry's check, shown in its feedback in place of the verdicts. */
export const CHECK_NOTES = {
  tooLong: `This entry is longer than the checker reads (${MAX_CHECKED_CHARS.toLocaleString("en")} characters), ` +
    "so there is no feedback on it. All of it is saved and prints in full.",
  failed: "The checker could not read this entry, so there is no feedback on it this time. " +
    "Your words are saved; changing them a little may help.",
  stuck: "The checker took too long on this entry and was restarted, so there is no feedback on it. " +
    "Your words are saved.",
};

export const PLAN_MESSAGES = {
  blocked: "This browser is not letting the site read or save anything, so there is nothing to show or export here.",
  badLink: "This share link is damaged or incomplete, so there is nothing to show. Ask for the link again, and copy all of it.",
  noDeadline: "None of your goals has a deadline yet. Add a date to a goal and it will be in the calendar file, with reviews on the way.",
  tooLongLink: "Your plan is too long to fit in a link. Export a file or print your plan instead.",
  noCopy: "This browser did not let the page copy. Select the plan with your mouse or finger and copy it yourself.",
  importFailed: "This browser could not save the imported data (its storage may be full or blocked). Nothing was changed.",
};

/** Where a flagged entry points when the page holds no support lines for its kind. */
export const SUPPORT_FALLBACK = "Get help now: who to call or text";
