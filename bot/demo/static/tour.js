// The guided tour of the PeerCoach demo: short stories, each step done by hand or by the page.
// It acts only through the page, as a visitor would: it types in a chat and taps the bot's buttons.
"use strict";

(() => {
  const SEEN_KEY = "peercoach-demo-tour";
  // Reading speed: a pause before the page does a step itself (?tour-speed=fast for tests).
  const FAST = new URLSearchParams(location.search).get("tour-speed") === "fast";
  const MS_PER_WORD = FAST ? 5 : 260;
  const MIN_PAUSE = FAST ? 50 : 2200;

  const TEXTS = {
    nl: {
      open: "Rondleiding",
      open_short: "Tour",
      title: "Welkom in de PeerCoach-zandbak",
      intro:
        "Elke kolom is een Telegram-chat met de bot. Je kunt typen als wie je wil. Kies een kort verhaal: je doet het zelf, of de pagina speelt het voor je af.",
      explore: "Zelf rondkijken",
      step: "Stap {n} van {count}",
      where: "Waar: de chat van {name}",
      where_group: "Waar: de groep {name}",
      play: "▶ Speel af",
      pause: "⏸ Pauzeer",
      do_step: "Doe deze stap voor mij",
      leave: "Stoppen",
      done_title: "Klaar!",
      another: "Een ander verhaal",
      close: "Sluiten",
      playing: "De pagina speelt dit af. Lees mee, of neem het over wanneer je wil.",
      waiting: "Even wachten op de bot…",
      next: "Verder",
    },
    en: {
      open: "Tour",
      open_short: "Tour",
      title: "Welcome to the PeerCoach sandbox",
      intro:
        "Each column is a Telegram chat with the bot. You can type as anyone. Pick a short story: do it yourself, or let the page play it for you.",
      explore: "Look around myself",
      step: "Step {n} of {count}",
      where: "Where: {name}'s chat",
      where_group: "Where: the group {name}",
      play: "▶ Play",
      pause: "⏸ Pause",
      do_step: "Do this step for me",
      leave: "Stop",
      done_title: "Done!",
      another: "Another story",
      close: "Close",
      playing: "The page is playing this. Read along, or take over whenever you like.",
      waiting: "Waiting for the bot…",
      next: "Next",
    },
  };

  // A step: where it happens, what to do (send a text or press a button, as someone), and the
  // bot's answer that shows it worked. Texts name both languages: the people may speak either.
  const STORIES = [
    {
      id: "pairing",
      title: { nl: "Een coördinator koppelt de klas", en: "A coordinator pairs the class" },
      summary: {
        nl: "Carla maakt duo's van de leerlingen in de koppelpool.",
        en: "Carla turns the students in the pairing pool into pairs.",
      },
      steps: [
        {
          column: "Carla",
          text: {
            nl: "Noor en Yusuf staan al in de koppelpool. Carla is de coördinator van de klas: typ /pair in haar chat en druk op Enter.",
            en: "Noor and Yusuf are already in the pairing pool. Carla coordinates the class: type /pair in her chat and press Enter.",
          },
          send: "/pair",
          done: { column: "Carla", says: ["Voorstel ronde", "Proposal for round"] },
        },
        {
          column: "Carla",
          text: {
            nl: "Het voorstel zegt bij elk duo waarom het past. Sanne en Bram hebben al een partner en blijven samen. Tik op ✅ Bevestigen.",
            en: "The proposal says why each pair fits. Sanne and Bram already have a partner and stay together. Tap ✅ Confirm.",
          },
          press: ["✅ Bevestigen", "✅ Confirm"],
          done: { column: "Carla", says: ["Bevestigd!", "Confirmed!"] },
        },
        {
          column: "Noor",
          text: {
            nl: "Noor en Yusuf horen nu met wie ze coachen en waarom. Kijk in de chat van Noor: hier begint hun traject.",
            en: "Noor and Yusuf now hear who their partner is and why. Look at Noor's chat: their coaching starts here.",
          },
          done: { column: "Noor", says: ["Je coachingspartner: Yusuf", "Your coaching partner: Yusuf"] },
        },
      ],
      ending: {
        nl: "Zo koppel je een klas: leerlingen kiezen zelf of ze in de pool stappen, de coördinator bevestigt. Carla ziet later hoe ver de duo's zijn, nooit wat ze schrijven.",
        en: "That is pairing a class: students choose to join the pool, the coordinator confirms. Later Carla sees how far pairs have come, never what they write.",
      },
    },
  ];

  const api = () => window.PeerCoachDemo;
  const state = { story: null, index: 0, playing: false, timer: null, before: new Set(), read: false };
  let panel = null;

  function t(key, params = {}) {
    const text = TEXTS[api().language()][key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ""));
  }

  function say(texts) {
    return texts[api().language()] || texts.nl;
  }

  function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") element.className = value;
      else if (key === "text") element.textContent = value;
      else if (key.startsWith("on")) element.addEventListener(key.slice(2), value);
      else element.setAttribute(key, value === true ? "" : value);
    }
    element.append(...children.filter((child) => child !== null && child !== undefined));
    return element;
  }

  // --- where a step happens --------------------------------------------------------------

  function chatIdOf(name) {
    return name === "group" ? api().groupId() : api().personaId(name);
  }

  function chatOf(name) {
    const id = chatIdOf(name);
    return id === null ? null : api().chat(id);
  }

  function botTexts(name) {
    const chat = chatOf(name);
    if (!chat) return [];
    return [...chat.messages.values()]
      .filter((view) => view.from_bot && !view.deleted)
      .map((view) => [view.message_id, view.text || ""]);
  }

  function matching(done) {
    return botTexts(done.column)
      .filter(([, text]) => done.says.some((part) => text.includes(part)))
      .map(([id]) => id);
  }

  // A step to look at is done once the answer is there and the reader moves on; a step to act
  // on is done when the bot answers anew.
  function stepDone(step) {
    if (isLook(step)) return state.read && matching(step.done).length > 0;
    return matching(step.done).some((id) => !state.before.has(id));
  }

  function isLook(step) {
    return !step.send && !step.press;
  }

  function readOn() {
    state.read = true;
    check();
  }

  function keyFor(step) {
    const chat = chatOf(step.column);
    if (!chat || !step.press) return null;
    const keys = [...chat.section.querySelectorAll("button.key:not(:disabled)")];
    return keys.reverse().find((key) => step.press.includes(key.textContent.trim())) || null;
  }

  function targetOf(step) {
    const chat = chatOf(step.column);
    if (!chat) return null;
    if (step.press) return keyFor(step);
    if (step.send) return chat.input;
    return null;
  }

  // --- doing a step ------------------------------------------------------------------------

  function perform(step) {
    const chat = chatOf(step.column);
    if (!chat) return false;
    if (step.send) {
      chat.input.value = step.send;
      chat.input.form.requestSubmit();
      return true;
    }
    if (step.press) {
      const key = keyFor(step);
      if (!key) return false;
      key.click();
      return true;
    }
    readOn(); // a step to look at: the page shows where, then reads on
    return true;
  }

  function doStepNow() {
    const step = currentStep();
    if (step && !stepDone(step) && !perform(step)) status(t("waiting"));
  }

  function scheduleAutoStep() {
    clearTimeout(state.timer);
    const step = currentStep();
    if (!state.playing || !step) return;
    const words = say(step.text).split(/\s+/).length;
    state.timer = setTimeout(function attempt() {
      if (!state.playing || currentStep() !== step || stepDone(step)) return;
      if (!perform(step)) state.timer = setTimeout(attempt, 400);
    }, Math.max(MIN_PAUSE, words * MS_PER_WORD));
  }

  function currentStep() {
    return state.story ? state.story.steps[state.index] || null : null;
  }

  function check() {
    const step = currentStep();
    if (!step) return;
    highlight(step);
    if (!stepDone(step)) return;
    state.index += 1;
    startStep();
  }

  function startStep() {
    const step = currentStep();
    if (!step) {
      finish();
      return;
    }
    state.before = new Set(matching(step.done));
    state.read = false;
    render();
    api().showColumn(chatIdOf(step.column));
    highlight(step);
    scheduleAutoStep();
    // The bot may have answered already (a step done by hand before it showed).
    setTimeout(check, 0);
  }

  // --- highlighting ------------------------------------------------------------------------

  function clearHighlight() {
    for (const node of document.querySelectorAll(".tour-column, .tour-target")) {
      node.classList.remove("tour-column", "tour-target");
    }
  }

  function highlight(step) {
    clearHighlight();
    const chat = chatOf(step.column);
    if (!chat) return;
    chat.section.classList.add("tour-column");
    // Keep the panel off the column it points at.
    const box = chat.section.getBoundingClientRect();
    panel.classList.toggle("tour-left", box.right > window.innerWidth - panel.offsetWidth - 24);
    const target = targetOf(step);
    if (target) target.classList.add("tour-target");
  }

  // --- the panel -----------------------------------------------------------------------------

  function status(text) {
    const line = panel && panel.querySelector(".tour-status");
    if (line) line.textContent = text;
  }

  function open() {
    panel.hidden = false;
    document.getElementById("tour-open").setAttribute("aria-expanded", "true");
    render();
    panel.querySelector("h2").focus();
  }

  function leave() {
    state.playing = false;
    clearTimeout(state.timer);
    state.story = null;
    clearHighlight();
    panel.hidden = true;
    localStorage.setItem(SEEN_KEY, "seen");
    const opener = document.getElementById("tour-open");
    opener.setAttribute("aria-expanded", "false");
    opener.focus();
  }

  function begin(story) {
    state.story = story;
    state.index = 0;
    state.playing = false;
    startStep();
    panel.querySelector("h2").focus();
  }

  function finish() {
    state.playing = false;
    clearTimeout(state.timer);
    clearHighlight();
    render();
    panel.querySelector("h2").focus();
  }

  function render() {
    const body = panel.querySelector(".tour-body");
    const heading = panel.querySelector("h2");
    const story = state.story;
    if (!story) {
      heading.textContent = t("title");
      body.replaceChildren(
        el("p", { text: t("intro") }),
        el(
          "ul",
          { class: "tour-stories" },
          ...STORIES.map((choice) =>
            el(
              "li",
              {},
              el(
                "button",
                { type: "button", class: "tour-story", "data-story": choice.id, onclick: () => begin(choice) },
                el("span", { class: "tour-story-title", text: say(choice.title) }),
                el("span", { class: "tour-story-summary", text: say(choice.summary) }),
              ),
            ),
          ),
        ),
        el("div", { class: "tour-actions" }, el("button", { type: "button", class: "ghost", text: t("explore"), onclick: leave })),
      );
      return;
    }
    heading.textContent = say(story.title);
    const step = currentStep();
    if (!step) {
      body.replaceChildren(
        el("p", { class: "tour-done", "data-done": story.id, text: t("done_title") }),
        el("p", { text: say(story.ending) }),
        el(
          "div",
          { class: "tour-actions" },
          el("button", { type: "button", class: "primary", text: t("another"), onclick: () => { state.story = null; render(); } }),
          el("button", { type: "button", class: "ghost", text: t("close"), onclick: leave }),
        ),
      );
      return;
    }
    const name = step.column === "group" ? (chatOf("group")?.view.title || "") : step.column;
    body.replaceChildren(
      el("p", { class: "tour-progress", text: t("step", { n: state.index + 1, count: story.steps.length }) }),
      el("p", { class: "tour-text", text: say(step.text) }),
      el("p", { class: "tour-where", text: step.column === "group" ? t("where_group", { name }) : t("where", { name }) }),
      el("p", { class: "tour-status", role: "status", text: state.playing ? t("playing") : "" }),
      el(
        "div",
        { class: "tour-actions" },
        el("button", {
          type: "button",
          class: "primary tour-play",
          "aria-pressed": state.playing ? "true" : "false",
          text: state.playing ? t("pause") : t("play"),
          onclick: () => {
            state.playing = !state.playing;
            render();
            scheduleAutoStep();
          },
        }),
        isLook(step)
          ? el("button", { type: "button", class: "ghost tour-next", text: t("next"), onclick: readOn })
          : el("button", { type: "button", class: "ghost", text: t("do_step"), onclick: doStepNow }),
        el("button", { type: "button", class: "ghost", text: t("leave"), onclick: leave }),
      ),
    );
  }

  function build() {
    const opener = el("button", {
      id: "tour-open",
      type: "button",
      class: "ghost",
      "aria-controls": "tour",
      "aria-expanded": "false",
      onclick: () => (panel.hidden ? open() : leave()),
    });
    document.querySelector(".tools").prepend(opener);
    panel = el(
      "aside",
      { id: "tour", class: "tour", "aria-labelledby": "tour-title", hidden: true },
      el("h2", { id: "tour-title", tabindex: "-1" }),
      el("div", { class: "tour-body" }),
    );
    panel.addEventListener("keydown", (event) => {
      if (event.key === "Escape") leave();
    });
    document.body.append(panel);
    labelOpener();
  }

  function labelOpener() {
    document
      .getElementById("tour-open")
      .replaceChildren(el("span", { class: "long", text: t("open") }), el("span", { class: "short", text: t("open_short") }));
  }

  document.addEventListener("DOMContentLoaded", () => {
    build();
    api().onEvent(() => setTimeout(check, 0));
    api().onLanguage(() => {
      labelOpener();
      if (!panel.hidden) render();
    });
    if (!localStorage.getItem(SEEN_KEY)) open();
  });
})();
