// The PeerCoach demo page: every chat of the emulated Telegram side by side, live.
// Plain JavaScript, no build step. Message HTML is rebuilt from a whitelist, never injected.
"use strict";

(() => {
  const API = "/sandbox/api";
  const DEMO = "/demo/api";
  const ROLES = ["coordinator", "teacher", "confidant", "student", "new"];
  const STICKERS = ["👍", "🎉", "💪", "🙂", "🔥", "🙌"];
  // Line icons drawn as SVG, so the buttons look the same with or without an emoji font.
  const ICONS = {
    sticker: [
      ["circle", { cx: 12, cy: 12, r: 9 }],
      ["path", { d: "M8.5 14.5c1.8 2 5.2 2 7 0" }],
      ["circle", { cx: 9, cy: 10, r: 0.8, fill: "currentColor" }],
      ["circle", { cx: 15, cy: 10, r: 0.8, fill: "currentColor" }],
    ],
    photo: [
      ["rect", { x: 3, y: 5, width: 18, height: 14, rx: 2 }],
      ["path", { d: "M3 17l5-5 4 4 3-3 6 6" }],
      ["circle", { cx: 16, cy: 9, r: 1.6 }],
    ],
    document: [
      ["path", { d: "M6 3h8l4 4v14H6z" }],
      ["path", { d: "M14 3v4h4M9 12h6M9 16h6" }],
    ],
    voice: [
      ["rect", { x: 9, y: 3, width: 6, height: 11, rx: 3 }],
      ["path", { d: "M5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21" }],
    ],
  };
  const TEXTS = {
    nl: {
      skip: "Naar de chats",
      name: "Naam",
      role: "Rol",
      language: "Taal",
      add: "Persoon toevoegen",
      add_short: "Persoon",
      reset_short: "Opnieuw",
      add_submit: "Toevoegen",
      reset: "Opnieuw beginnen",
      confirm_reset: "Alles wissen en opnieuw beginnen met de voorbeeldklas?",
      resetting: "Even geduld: de demo begint opnieuw…",
      lang_toggle: "EN",
      lang_toggle_label: "Switch this page to English",
      role_student: "leerling",
      role_teacher: "docent",
      role_coordinator: "coördinator",
      role_confidant: "vertrouwenspersoon",
      role_new: "nieuw (nog niet aangemeld)",
      cohort: "Klas {name} · typ als wie je wil, de anderen zien het meteen",
      private_chat: "privéchat met {bot}",
      group_chat: "groep · {count} leden",
      bot_absent: "{bot} zit niet in deze groep",
      blocked: "heeft {bot} geblokkeerd",
      upgraded: "omgezet naar een supergroep",
      message_label: "Bericht van {name}",
      placeholder: "Schrijf een bericht…",
      send: "Stuur",
      as: "Als",
      sticker: "Sticker sturen",
      photo: "Foto sturen",
      document: "Document sturen",
      voice: "Spraakbericht sturen",
      commands: "Opdrachten",
      edited: "bewerkt",
      empty: "Nog geen berichten. Probeer /help.",
      join_student: "Aanmelden als leerling",
      reply: "Antwoorden",
      reply_label: "Antwoorden op dit bericht van {name}",
      replying_to: "Antwoord op {name}: {text}",
      reply_cancel: "Antwoord annuleren",
      join_class: "Aanmelden bij {cohort}",
      join_link: "Aanmelden via deze link (als {name})",
      columns: "Chats",
      more_columns: "Meer chats →",
      more_columns_label: "Er zijn meer chats rechts; toon de volgende",
      language_failed: "De voorbeeldpersonen spreken nog de oude taal: {error}",
      live: "Live: nieuwe berichten verschijnen vanzelf.",
      reconnecting: "Verbinding kwijt, ik probeer opnieuw…",
      photo_alt: "Foto van {name}",
      sticker_alt: "Sticker",
      document_fallback: "document",
      voice_label: "Spraakbericht",
      service_added: "{actor} heeft {names} toegevoegd",
      service_joined: "{name} doet nu mee",
      service_left: "{name} heeft de groep verlaten",
      service_removed: "{actor} heeft {name} verwijderd",
      service_upgraded: "De groep is nu een supergroep",
      service_other: "Groepsmelding",
      failed: "Dat lukte niet: {error}",
      added: "{name} is toegevoegd.",
      ok: "Oké",
      reply_to: "Antwoord op",
      pick_sticker: "Kies een sticker",
      bot: "bot",
    },
    en: {
      skip: "Skip to the chats",
      name: "Name",
      role: "Role",
      language: "Language",
      add: "Add person",
      add_short: "Person",
      reset_short: "Restart",
      add_submit: "Add",
      reset: "Start over",
      confirm_reset: "Erase everything and start over with the sample class?",
      resetting: "One moment: the demo is starting over…",
      lang_toggle: "NL",
      lang_toggle_label: "Zet deze pagina in het Nederlands",
      role_student: "student",
      role_teacher: "teacher",
      role_coordinator: "coordinator",
      role_confidant: "confidant",
      role_new: "new (not joined yet)",
      cohort: "Class {name} · type as anyone, the others see it at once",
      private_chat: "private chat with {bot}",
      group_chat: "group · {count} members",
      bot_absent: "{bot} is not in this group",
      blocked: "blocked {bot}",
      upgraded: "upgraded to a supergroup",
      message_label: "Message from {name}",
      placeholder: "Write a message…",
      send: "Send",
      as: "As",
      sticker: "Send a sticker",
      photo: "Send a photo",
      document: "Send a document",
      voice: "Send a voice message",
      commands: "Commands",
      edited: "edited",
      empty: "No messages yet. Try /help.",
      join_student: "Join as a student",
      reply: "Reply",
      reply_label: "Reply to this message from {name}",
      replying_to: "Replying to {name}: {text}",
      reply_cancel: "Cancel the reply",
      join_class: "Join {cohort}",
      join_link: "Join through this link (as {name})",
      columns: "Chats",
      more_columns: "More chats →",
      more_columns_label: "There are more chats to the right; show the next one",
      language_failed: "The sample people still speak the old language: {error}",
      live: "Live: new messages appear by themselves.",
      reconnecting: "Connection lost, trying again…",
      photo_alt: "Photo from {name}",
      sticker_alt: "Sticker",
      document_fallback: "document",
      voice_label: "Voice message",
      service_added: "{actor} added {names}",
      service_joined: "{name} joined",
      service_left: "{name} left the group",
      service_removed: "{actor} removed {name}",
      service_upgraded: "The group is now a supergroup",
      service_other: "Group notice",
      failed: "That did not work: {error}",
      added: "{name} has been added.",
      ok: "OK",
      reply_to: "Reply to",
      pick_sticker: "Pick a sticker",
      bot: "bot",
    },
  };

  const model = {
    info: null,
    users: new Map(), // user id -> Bot API user
    chats: new Map(), // chat id -> chat record (view, messages, elements)
    personas: new Map(), // user id -> {user_id, name, role}
    fileInfo: new Map(), // file id -> Promise of {file_name, mime_type}
  };
  let language = localStorage.getItem("peercoach-demo-language") === "en" ? "en" : "nl";
  const languageListeners = [];
  let source = null;

  // --- texts -----------------------------------------------------------------------------

  function t(key, params = {}) {
    const text = TEXTS[language][key] ?? key;
    return text.replace(/\{(\w+)\}/g, (_, name) => String(params[name] ?? ""));
  }

  function applyChromeTexts() {
    document.documentElement.lang = language;
    for (const element of document.querySelectorAll("[data-t]")) {
      element.textContent = t(element.dataset.t);
    }
    const toggle = document.getElementById("lang-toggle");
    toggle.textContent = t("lang_toggle");
    toggle.setAttribute("aria-label", t("lang_toggle_label"));
    toggle.title = t("lang_toggle_label");
    document.getElementById("chats").setAttribute("aria-label", t("skip"));
    document.getElementById("column-nav").setAttribute("aria-label", t("columns"));
    const more = document.getElementById("more-columns");
    more.textContent = t("more_columns");
    more.setAttribute("aria-label", t("more_columns_label"));
    renderCohort();
    for (const chat of model.chats.values()) {
      renderHeader(chat);
      renderComposerTexts(chat);
      for (const view of chat.messages.values()) upsertMessage(view);
    }
  }

  function botName() {
    return model.info ? model.info.bot.name : "PeerCoach";
  }

  // --- HTTP ------------------------------------------------------------------------------

  async function getJson(url) {
    const response = await fetch(url, { cache: "no-store" });
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  }

  async function post(url, body) {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const data = await response.json().catch(() => ({}));
      if (!response.ok || data.ok === false) {
        return { ok: false, error: data.error || data.description || response.statusText };
      }
      return data;
    } catch (error) {
      return { ok: false, error: String(error.message || error) };
    }
  }

  // --- safe rendering of Telegram HTML ---------------------------------------------------

  const SIMPLE_TAGS = {
    B: "b", STRONG: "b", I: "i", EM: "i", U: "u", INS: "u", S: "s", STRIKE: "s", DEL: "s",
    CODE: "code", PRE: "pre", BLOCKQUOTE: "blockquote",
  };
  const SAFE_LINK = /^(https?:|tg:|mailto:)/i;
  // Elements whose content is code, not text: dropped with everything inside.
  const DROPPED = new Set(["SCRIPT", "STYLE", "TEMPLATE", "NOSCRIPT", "IFRAME", "OBJECT"]);

  // Parse into an inert document (no scripts run, nothing loads), then copy only text and
  // whitelisted tags into fresh elements: attributes never travel except a checked href.
  function telegramHtml(source) {
    const fragment = document.createDocumentFragment();
    if (!source) return fragment;
    const parsed = new DOMParser().parseFromString(`<body>${source}</body>`, "text/html");
    copyAllowed(parsed.body, fragment);
    return fragment;
  }

  function copyAllowed(from, to) {
    for (const node of from.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        to.append(from.tagName === "A" || from.tagName === "CODE" || from.tagName === "PRE" ? document.createTextNode(node.data) : linkified(node.data));
      } else if (node.nodeType === Node.ELEMENT_NODE && !DROPPED.has(node.tagName)) {
        const clean = cleanElement(node);
        if (clean) {
          copyAllowed(node, clean);
          to.append(clean);
        } else {
          copyAllowed(node, to);
        }
      }
    }
  }

  function cleanElement(node) {
    const name = node.tagName;
    if (SIMPLE_TAGS[name]) return document.createElement(SIMPLE_TAGS[name]);
    if (name === "TG-SPOILER" || (name === "SPAN" && node.getAttribute("class") === "tg-spoiler")) {
      const spoiler = document.createElement("span");
      spoiler.className = "spoiler";
      spoiler.tabIndex = 0;
      spoiler.addEventListener("click", () => spoiler.classList.add("revealed"));
      return spoiler;
    }
    if (name === "A") {
      const href = node.getAttribute("href") || "";
      if (!SAFE_LINK.test(href)) return null;
      const link = document.createElement("a");
      link.href = href;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      return link;
    }
    return null;
  }

  // Telegram turns bare web addresses into links; so does the page.
  const BARE_URL = /https?:\/\/[^\s<>"]+[^\s<>".,:;!?)\]]/g;

  function linkified(text) {
    const fragment = document.createDocumentFragment();
    let last = 0;
    for (const found of text.matchAll(BARE_URL)) {
      fragment.append(document.createTextNode(text.slice(last, found.index)));
      const link = document.createElement("a");
      link.href = found[0];
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      link.textContent = found[0];
      fragment.append(link);
      last = found.index + found[0].length;
    }
    fragment.append(document.createTextNode(text.slice(last)));
    return fragment;
  }

  // The code of a link that opens this bot with /start CODE, as Telegram's deep links do.
  function startCode(href) {
    const bot = model.info && model.info.bot.username;
    if (!bot) return null;
    let url;
    try {
      url = new URL(href);
    } catch (error) {
      return null;
    }
    const host = url.hostname.toLowerCase();
    if (!["t.me", "telegram.me"].includes(host)) return null;
    if (url.pathname.replace(/^\//, "").toLowerCase() !== bot.toLowerCase()) return null;
    const code = url.searchParams.get("start");
    return code && /^[A-Za-z0-9_-]{1,64}$/.test(code) ? code : null;
  }

  // Opening a start link in Telegram sends /start CODE from whoever opened it: here, the
  // person whose column holds the link.
  function wireStartLinks(chat, container) {
    for (const link of container.querySelectorAll("a[href]")) {
      const code = startCode(link.href);
      if (!code) continue;
      link.classList.add("start-link");
      link.removeAttribute("target");
      link.title = t("join_link", { name: userName(actingUser(chat)) });
      link.dataset.start = code;
      link.addEventListener("click", (event) => {
        event.preventDefault();
        sendText(chat, `/start ${code}`);
      });
    }
  }

  // --- small DOM helpers -----------------------------------------------------------------

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

  function icon(name) {
    const namespace = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(namespace, "svg");
    const attributes = {
      viewBox: "0 0 24 24", width: "20", height: "20", fill: "none", stroke: "currentColor",
      "stroke-width": "1.8", "stroke-linecap": "round", "stroke-linejoin": "round",
      "aria-hidden": "true", focusable: "false",
    };
    for (const [key, value] of Object.entries(attributes)) svg.setAttribute(key, value);
    for (const [tag, shape] of ICONS[name]) {
      const part = document.createElementNS(namespace, tag);
      for (const [key, value] of Object.entries(shape)) part.setAttribute(key, String(value));
      svg.append(part);
    }
    return svg;
  }

  function timeOf(seconds) {
    return new Date(seconds * 1000).toLocaleTimeString(language, {
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
  }

  function userName(id) {
    const user = model.users.get(Number(id));
    if (!user) return String(id);
    return user.last_name ? `${user.first_name} ${user.last_name}` : user.first_name;
  }

  function status(text, kind = "info") {
    const line = document.getElementById("status");
    line.textContent = text;
    line.dataset.kind = kind;
  }

  // --- chats -----------------------------------------------------------------------------

  function isGroup(view) {
    return view.type !== "private";
  }

  function upsertChat(view) {
    let chat = model.chats.get(view.id);
    if (!chat) {
      chat = { view, messages: new Map(), items: new Map() };
      model.chats.set(view.id, chat);
      buildColumn(chat);
    } else {
      chat.view = view;
    }
    renderHeader(chat);
    renderSenders(chat);
    orderColumns();
    return chat;
  }

  function actingUser(chat) {
    if (!isGroup(chat.view)) return chat.view.id;
    return Number(chat.senders.value);
  }

  function activeMembers(view) {
    return Object.entries(view.members || {})
      .filter(([, state]) => ["creator", "administrator", "member"].includes(state))
      .map(([id]) => Number(id));
  }

  function buildColumn(chat) {
    const id = chat.view.id;
    const titleId = `chat-title-${id}`;
    chat.title = el("h2", { id: titleId, class: "chat-title" });
    chat.avatar = el("span", { class: "avatar", "aria-hidden": "true" });
    chat.subtitle = el("p", { class: "chat-subtitle" });
    chat.badge = el("span", { class: "badge" });
    chat.list = el("ol", { class: "messages", "aria-labelledby": titleId });
    chat.toasts = el("div", { class: "toasts", "aria-live": "assertive" });
    chat.input = el("textarea", {
      id: `input-${id}`,
      rows: "1",
      maxlength: "4096",
      onkeydown: (event) => {
        if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          sendTyped(chat);
        }
      },
    });
    chat.inputLabel = el("label", { class: "visually-hidden", for: `input-${id}` });
    chat.senders = el("select", { id: `sender-${id}`, class: "sender" });
    chat.sendersLabel = el("label", { class: "sender-label", for: `sender-${id}` });
    chat.sendButton = el("button", { type: "submit", class: "send" });
    chat.quick = el("div", { class: "quick" });
    chat.replyText = el("span", { class: "reply-bar-text" });
    chat.replyCancel = el("button", { type: "button", class: "reply-cancel", text: "✕", onclick: () => clearReply(chat) });
    chat.replyBar = el("div", { class: "reply-bar", hidden: true }, chat.replyText, chat.replyCancel);
    chat.tools = mediaTools(chat);
    const composer = el(
      "form",
      {
        class: "composer",
        onsubmit: (event) => {
          event.preventDefault();
          sendTyped(chat);
        },
      },
      chat.inputLabel,
      chat.input,
      chat.sendButton,
    );
    const senderRow = isGroup(chat.view)
      ? el("div", { class: "sender-row" }, chat.sendersLabel, chat.senders)
      : null;
    chat.section = el(
      "section",
      { class: `chat ${isGroup(chat.view) ? "group" : "private"}`, "data-chat-id": id },
      el(
        "header",
        { class: "chat-head" },
        chat.avatar,
        el("div", { class: "chat-names" }, el("div", { class: "title-row" }, chat.title, chat.badge), chat.subtitle),
      ),
      chat.list,
      chat.toasts,
      el("div", { class: "chat-foot" }, senderRow, el("div", { class: "tool-row" }, chat.tools, chat.quick), chat.replyBar, composer),
    );
    renderComposerTexts(chat);
    document.getElementById("chats").append(chat.section);
  }

  function mediaTools(chat) {
    const stickerMenu = el("div", { class: "sticker-menu", role: "group" });
    for (const emoji of STICKERS) {
      stickerMenu.append(
        el("button", {
          type: "button",
          class: "sticker-choice",
          text: emoji,
          onclick: (event) => {
            event.target.closest("details").open = false;
            sendSticker(chat, emoji);
          },
        }),
      );
    }
    chat.stickerSummary = el("summary", { class: "tool" }, icon("sticker"));
    chat.commandSummary = el("summary", { class: "tool", text: "/" });
    chat.commandMenu = el("div", { class: "command-menu", role: "group" });
    const tool = (name, action) => el("button", { type: "button", class: "tool", onclick: action }, icon(name));
    chat.photoButton = tool("photo", () => sendPhoto(chat));
    chat.documentButton = tool("document", () => sendFile(chat, "document"));
    chat.voiceButton = tool("voice", () => sendFile(chat, "voice"));
    return el(
      "div",
      { class: "tools-inline" },
      el("details", { class: "popover commands" }, chat.commandSummary, chat.commandMenu),
      el("details", { class: "popover" }, chat.stickerSummary, stickerMenu),
      chat.photoButton,
      chat.documentButton,
      chat.voiceButton,
    );
  }

  function renderComposerTexts(chat) {
    const name = isGroup(chat.view) ? chat.view.name : userName(chat.view.id);
    chat.inputLabel.textContent = t("message_label", { name });
    chat.input.placeholder = t("placeholder");
    chat.sendButton.textContent = t("send");
    chat.sendersLabel.textContent = t("as");
    chat.list.dataset.empty = t("empty");
    chat.replyCancel.setAttribute("aria-label", t("reply_cancel"));
    const labels = [
      [chat.stickerSummary, "sticker"],
      [chat.photoButton, "photo"],
      [chat.documentButton, "document"],
      [chat.voiceButton, "voice"],
      [chat.commandSummary, "commands"],
    ];
    for (const [element, key] of labels) {
      element.title = t(key);
      element.setAttribute("aria-label", t(key));
    }
    renderQuick(chat);
  }

  function renderHeader(chat) {
    const view = chat.view;
    const name = isGroup(view) ? view.name || view.title : userName(view.id);
    chat.title.textContent = name;
    chat.avatar.textContent = (name || "?").trim().charAt(0).toUpperCase();
    const bot = botName();
    if (isGroup(view)) {
      const count = activeMembers(view).length;
      let line = t("group_chat", { count });
      if (view.migrated_to) line += ` · ${t("upgraded")}`;
      else if (!["member", "administrator"].includes(view.bot_status)) line += ` · ${t("bot_absent", { bot })}`;
      chat.subtitle.textContent = line;
      chat.badge.textContent = "";
      chat.badge.hidden = true;
      chat.section.dataset.role = "group";
    } else {
      const persona = model.personas.get(view.id);
      const role = persona ? persona.role : "new";
      chat.badge.hidden = false;
      chat.badge.textContent = t(`role_${role}`);
      chat.badge.dataset.role = role;
      chat.section.dataset.role = role;
      let line = t("private_chat", { bot });
      if (view.bot_status === "kicked") line += ` · ${t("blocked", { bot })}`;
      chat.subtitle.textContent = line;
    }
    renderQuick(chat);
    renderColumnNav();
  }

  function renderSenders(chat) {
    if (!isGroup(chat.view)) return;
    const previous = chat.senders.value;
    chat.senders.replaceChildren(
      ...activeMembers(chat.view).map((id) => el("option", { value: String(id), text: userName(id) })),
    );
    if ([...chat.senders.options].some((option) => option.value === previous)) {
      chat.senders.value = previous;
    }
  }

  // Telegram's order: the narrowest scope that has a menu wins, in the person's language first.
  function commandsFor(chat) {
    const all = (model.info && model.info.commands) || {};
    const user = model.users.get(actingUser(chat));
    const code = (user && user.language_code) || "";
    const scopes = isGroup(chat.view)
      ? [`chat:${chat.view.id}`, ...(isAdmin(chat) ? ["all_chat_administrators"] : []), "all_group_chats", "default"]
      : [`chat:${chat.view.id}`, "all_private_chats", "default"];
    for (const scope of scopes) {
      const menus = all[scope] || {};
      const menu = menus[code] || menus[""];
      if (menu && menu.length) return menu;
    }
    return [];
  }

  function isAdmin(chat) {
    const state = (chat.view.members || {})[String(actingUser(chat))];
    return state === "creator" || state === "administrator";
  }

  function renderQuick(chat) {
    if (!chat.quick) return;
    chat.quick.replaceChildren();
    const persona = model.personas.get(chat.view.id);
    const newest = model.info && model.info.newest_class;
    if (!isGroup(chat.view) && persona && persona.role === "new" && newest) {
      chat.quick.append(
        el("button", {
          type: "button",
          class: "chip",
          "data-join": newest.code,
          text: t("join_class", { cohort: newest.cohort }),
          title: `/start ${newest.code}`,
          onclick: () => sendText(chat, `/start ${newest.code}`),
        }),
      );
    }
    chat.commandMenu.replaceChildren(
      ...commandsFor(chat).map((command) =>
        el(
          "button",
          {
            type: "button",
            class: "command",
            onclick: (event) => {
              event.target.closest("details").open = false;
              sendText(chat, `/${command.command}`);
            },
          },
          el("span", { class: "command-name", text: `/${command.command}` }),
          el("span", { class: "command-description", text: command.description }),
        ),
      ),
    );
  }

  // Personas first in their seeded order, then other private chats, then groups.
  function orderColumns() {
    const personaOrder = [...model.personas.keys()];
    const rank = (chat) => {
      if (isGroup(chat.view)) return [2, 0];
      const index = personaOrder.indexOf(chat.view.id);
      return index >= 0 ? [0, index] : [1, 0];
    };
    const chats = [...model.chats.values()].sort((a, b) => {
      const [ra, ia] = rank(a);
      const [rb, ib] = rank(b);
      return ra - rb || ia - ib || Math.abs(a.view.id) - Math.abs(b.view.id);
    });
    const container = document.getElementById("chats");
    const current = [...container.children];
    if (chats.every((chat, index) => current[index] === chat.section)) return;
    // Moving an element in the document resets its scroll position: keep where each chat was.
    const kept = chats.map((chat) => [chat, chat.list.scrollTop, nearBottom(chat.list)]);
    for (const chat of chats) container.append(chat.section);
    for (const [chat, top, bottom] of kept) chat.list.scrollTop = bottom ? chat.list.scrollHeight : top;
    renderColumnNav();
  }

  function scrollAllToNewest() {
    for (const chat of model.chats.values()) chat.list.scrollTop = chat.list.scrollHeight;
  }

  // --- the column bar: every chat one tap away, and a hint when more are off-screen ------

  function renderColumnNav() {
    const nav = document.getElementById("column-nav");
    if (!nav) return;
    const sections = [...document.getElementById("chats").children];
    nav.replaceChildren(
      ...sections.map((section) => {
        const chat = model.chats.get(Number(section.dataset.chatId));
        return el("button", {
          type: "button",
          class: "column-link",
          "data-role": section.dataset.role || "new",
          "data-target": section.dataset.chatId,
          text: chat ? chat.title.textContent : "",
          onclick: () => showColumn(section),
        });
      }),
    );
    updateMoreHint();
  }

  function showColumn(section) {
    section.scrollIntoView({ behavior: smoothScroll(), inline: "nearest", block: "nearest" });
    section.classList.add("flash");
    setTimeout(() => section.classList.remove("flash"), 1200);
    const input = section.querySelector("textarea");
    if (input) input.focus({ preventScroll: true });
  }

  function smoothScroll() {
    return window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
  }

  function firstHiddenColumn() {
    const container = document.getElementById("chats");
    const edge = container.getBoundingClientRect().right;
    return [...container.children].find((section) => section.getBoundingClientRect().right > edge + 2);
  }

  function updateMoreHint() {
    const hint = document.getElementById("more-columns");
    if (!hint) return;
    const hidden = firstHiddenColumn();
    hint.hidden = !hidden;
    const nav = document.getElementById("column-nav");
    const container = document.getElementById("chats");
    const view = container.getBoundingClientRect();
    for (const button of nav.children) {
      const section = container.querySelector(`section[data-chat-id="${button.dataset.target}"]`);
      const box = section && section.getBoundingClientRect();
      const visible = box && box.left >= view.left - 2 && box.right <= view.right + 2;
      button.classList.toggle("offscreen", !visible);
    }
  }

  // --- messages --------------------------------------------------------------------------

  function upsertMessage(view) {
    const chat = model.chats.get(view.chat_id);
    if (!chat) return;
    chat.messages.set(view.message_id, view);
    const existing = chat.items.get(view.message_id);
    if (view.deleted) {
      if (existing) existing.remove();
      chat.items.delete(view.message_id);
      return;
    }
    const stick = nearBottom(chat.list);
    const item = renderMessage(chat, view, view.text_edited);
    chat.items.set(view.message_id, item);
    if (existing) {
      existing.replaceWith(item);
    } else {
      const later = [...chat.items.entries()]
        .filter(([id]) => id > view.message_id)
        .sort(([a], [b]) => a - b)[0];
      if (later && later[1] !== item && later[1].isConnected) chat.list.insertBefore(item, later[1]);
      else chat.list.append(item);
    }
    if (stick || !existing) chat.list.scrollTop = chat.list.scrollHeight;
  }

  function nearBottom(list) {
    return list.scrollHeight - list.scrollTop - list.clientHeight < 60;
  }

  function renderMessage(chat, view, edited) {
    if (view.kind === "service") {
      return el("li", { class: "service", "data-message-id": view.message_id, text: serviceText(view) });
    }
    const side = view.from_bot ? "bot" : "own";
    const bubble = el("div", { class: "bubble" });
    if (isGroup(chat.view) && !view.from_bot) {
      bubble.append(el("p", { class: "sender-name", text: view.sender.name }));
    }
    if (view.reply_to_message_id) {
      const quoted = chat.messages.get(view.reply_to_message_id);
      if (quoted && !quoted.deleted) {
        bubble.append(
          el(
            "p",
            { class: "reply-quote", "aria-label": t("reply_to") },
            el("span", { class: "reply-name", text: quoted.sender.name }),
            el("span", { text: (quoted.text || quoted.kind).slice(0, 80) }),
          ),
        );
      }
    }
    const media = renderMedia(view);
    if (media) bubble.append(media);
    if (view.html) {
      const text = el("div", { class: "text" });
      text.append(telegramHtml(view.html));
      wireStartLinks(chat, text);
      bubble.append(text);
    }
    bubble.append(
      el(
        "p",
        { class: "meta" },
        edited ? el("span", { class: "edited", text: t("edited") }) : null,
        el("time", { datetime: new Date(view.date * 1000).toISOString(), text: timeOf(view.date) }),
      ),
    );
    const item = el("li", { class: `message ${side} kind-${view.kind}`, "data-message-id": view.message_id }, bubble);
    const keyboard = renderKeyboard(chat, view);
    if (keyboard) item.append(keyboard);
    if (isGroup(chat.view) && view.from_bot) {
      item.append(
        el("button", {
          type: "button",
          class: "reply-button",
          text: `↩ ${t("reply")}`,
          "aria-label": t("reply_label", { name: view.sender.name }),
          onclick: () => setReply(chat, view),
        }),
      );
    }
    return item;
  }

  function renderMedia(view) {
    if (!view.file_id) return null;
    const url = `${API}/files/${encodeURIComponent(view.file_id)}`;
    if (view.kind === "photo") {
      return el("img", { class: "photo", src: url, alt: t("photo_alt", { name: view.sender.name }), loading: "lazy" });
    }
    if (view.kind === "sticker") {
      return el("img", { class: "sticker", src: url, alt: t("sticker_alt") });
    }
    if (view.kind === "voice") {
      return el("audio", { class: "voice", controls: true, preload: "none", src: url, "aria-label": t("voice_label") });
    }
    const link = el("a", { class: "document", href: url, download: "" }, el("span", { class: "document-icon" }, icon("document")));
    const name = el("span", { class: "document-name", text: t("document_fallback") });
    link.append(name);
    describeFile(view.file_id).then((info) => {
      if (info && info.file_name) {
        name.textContent = info.file_name;
        link.setAttribute("download", info.file_name);
      }
    });
    return link;
  }

  function describeFile(fileId) {
    if (!model.fileInfo.has(fileId)) {
      model.fileInfo.set(fileId, getJson(`${DEMO}/files/${encodeURIComponent(fileId)}`).catch(() => null));
    }
    return model.fileInfo.get(fileId);
  }

  function serviceText(view) {
    const service = view.service || {};
    const actor = view.sender.name;
    const names = (users) => users.map((user) => user.first_name).join(", ");
    if (service.new_chat_members) {
      const joined = service.new_chat_members;
      if (joined.length === 1 && joined[0].id === view.sender.id) return t("service_joined", { name: actor });
      return t("service_added", { actor, names: names(joined) });
    }
    if (service.left_chat_member) {
      const left = service.left_chat_member;
      if (left.id === view.sender.id) return t("service_left", { name: actor });
      return t("service_removed", { actor, name: left.first_name });
    }
    if (service.migrate_to_chat_id || service.migrate_from_chat_id) return t("service_upgraded");
    return t("service_other");
  }

  function renderKeyboard(chat, view) {
    const rows = (view.reply_markup && view.reply_markup.inline_keyboard) || [];
    if (!rows.length) return null;
    const keyboard = el("div", { class: "keyboard", role: "group" });
    for (const row of rows) {
      const line = el("div", { class: "keyboard-row" });
      for (const button of row) line.append(renderButton(chat, view, button));
      keyboard.append(line);
    }
    return keyboard;
  }

  function renderButton(chat, view, button) {
    if (button.url && SAFE_LINK.test(button.url)) {
      return el("a", { class: "key", href: button.url, target: "_blank", rel: "noopener noreferrer", text: `${button.text} ↗` });
    }
    if (button.callback_data === undefined) {
      return el("button", { type: "button", class: "key", disabled: true, text: button.text });
    }
    const key = el("button", {
      type: "button",
      class: "key",
      text: button.text,
      onclick: async () => {
        key.disabled = true;
        key.classList.add("pending");
        const result = await post(`${API}/press`, {
          user_id: actingUser(chat),
          chat_id: chat.view.id,
          message_id: view.message_id,
          data: button.callback_data,
        });
        if (!result.ok) toast(chat, t("failed", { error: result.error }), true);
        // The bot usually edits the card; if it does not, the button works again shortly.
        setTimeout(() => {
          key.disabled = false;
          key.classList.remove("pending");
        }, 1500);
      },
    });
    return key;
  }

  function toast(chat, text, alert = false) {
    const note = el("div", { class: `toast${alert ? " alert" : ""}`, role: alert ? "alert" : "status" }, el("span", { text }));
    const close = () => note.remove();
    if (alert) {
      note.append(el("button", { type: "button", class: "toast-ok", text: t("ok"), onclick: close }));
    } else {
      setTimeout(close, 3500);
    }
    chat.toasts.append(note);
  }

  // --- acting as a persona ---------------------------------------------------------------

  async function sendTyped(chat) {
    const text = chat.input.value;
    if (!text.trim()) return;
    chat.input.value = "";
    const result = await sendText(chat, text);
    if (!result.ok) chat.input.value = text;
  }

  async function sendText(chat, text) {
    const body = { user_id: actingUser(chat), chat_id: chat.view.id, text };
    if (chat.replyTo) body.reply_to_message_id = chat.replyTo;
    const result = await post(`${API}/send`, body);
    if (!result.ok) toast(chat, t("failed", { error: result.error }), true);
    else clearReply(chat);
    return result;
  }

  // Replying to a message, as Telegram does: in a group with privacy mode on, a reply to the
  // bot is how people are heard.
  function setReply(chat, view) {
    chat.replyTo = view.message_id;
    chat.replyText.textContent = t("replying_to", { name: view.sender.name, text: (view.text || view.kind).slice(0, 60) });
    chat.replyBar.hidden = false;
    chat.input.focus();
  }

  function clearReply(chat) {
    chat.replyTo = null;
    chat.replyBar.hidden = true;
  }

  async function sendSticker(chat, emoji) {
    const data = await drawPicture(160, 160, (context) => {
      context.font = "120px sans-serif";
      context.textAlign = "center";
      context.textBaseline = "middle";
      context.fillText(emoji, 80, 88);
    });
    const result = await post(`${API}/sticker`, { user_id: actingUser(chat), chat_id: chat.view.id, emoji, data_base64: data });
    if (!result.ok) toast(chat, t("failed", { error: result.error }), true);
  }

  async function sendPhoto(chat) {
    const hue = Math.floor(Math.random() * 360);
    const data = await drawPicture(320, 200, (context) => {
      const sky = context.createLinearGradient(0, 0, 0, 200);
      sky.addColorStop(0, `hsl(${hue} 70% 78%)`);
      sky.addColorStop(1, `hsl(${(hue + 40) % 360} 60% 92%)`);
      context.fillStyle = sky;
      context.fillRect(0, 0, 320, 200);
      context.fillStyle = `hsl(${(hue + 180) % 360} 45% 45%)`;
      context.beginPath();
      context.moveTo(0, 200);
      context.lineTo(110, 90);
      context.lineTo(190, 160);
      context.lineTo(240, 120);
      context.lineTo(320, 200);
      context.fill();
      context.fillStyle = "hsl(45 95% 60%)";
      context.beginPath();
      context.arc(250, 55, 24, 0, Math.PI * 2);
      context.fill();
    });
    const caption = chat.input.value.trim() || undefined;
    const result = await post(`${API}/photo`, { user_id: actingUser(chat), chat_id: chat.view.id, caption, data_base64: data });
    if (result.ok) chat.input.value = "";
    else toast(chat, t("failed", { error: result.error }), true);
  }

  async function sendFile(chat, kind) {
    const body = { user_id: actingUser(chat), chat_id: chat.view.id };
    if (kind === "document" && chat.input.value.trim()) body.caption = chat.input.value.trim();
    const result = await post(`${API}/${kind}`, body);
    if (result.ok && body.caption) chat.input.value = "";
    if (!result.ok) toast(chat, t("failed", { error: result.error }), true);
  }

  function drawPicture(width, height, paint) {
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    paint(canvas.getContext("2d"));
    return Promise.resolve(canvas.toDataURL("image/png").split(",", 2)[1]);
  }

  // --- state and live events -------------------------------------------------------------

  function renderCohort() {
    const line = document.getElementById("cohort");
    line.textContent = model.info ? t("cohort", { name: model.info.cohort }) : "";
  }

  function applyInfo(info) {
    model.info = info;
    model.personas = new Map(info.personas.map((persona) => [persona.user_id, persona]));
    renderCohort();
  }

  function applyState(state) {
    model.users = new Map(state.users.map((user) => [user.id, user]));
    const seen = new Set();
    for (const chatView of state.chats) {
      const { messages, ...view } = chatView;
      const chat = upsertChat(view);
      seen.add(view.id);
      const kept = new Set(messages.map((message) => message.message_id));
      for (const [id, item] of chat.items) {
        if (!kept.has(id)) {
          item.remove();
          chat.items.delete(id);
        }
      }
      chat.messages = new Map();
      for (const message of messages) upsertMessage(message);
    }
    for (const [id, chat] of model.chats) {
      if (!seen.has(id)) {
        chat.section.remove();
        model.chats.delete(id);
      }
    }
  }

  // Others on the page (the guided tour) hear every event after the page has shown it.
  const listeners = [];

  function applyEvent(event) {
    showEvent(event);
    for (const listener of listeners) listener(event);
  }

  function showEvent(event) {
    switch (event.type) {
      case "user":
        model.users.set(event.user.id, event.user);
        break;
      case "chat": {
        const chat = upsertChat(event.chat);
        if (!isGroup(event.chat) && !model.personas.has(event.chat.id)) chat.section.scrollIntoView({ inline: "nearest" });
        break;
      }
      case "message":
        upsertMessage(event.message);
        refreshRolesSoon();
        break;
      case "user_message":
      case "edit":
      case "delete":
        upsertMessage(event.message);
        break;
      case "callback_answer": {
        const answer = event.answer;
        const chat = model.chats.get(answer.chat_id);
        if (chat && answer.text) toast(chat, answer.text, answer.show_alert);
        break;
      }
      case "demo_persona": {
        model.personas.set(event.persona.user_id, event.persona);
        const chat = model.chats.get(event.persona.user_id);
        if (chat) {
          renderHeader(chat);
          orderColumns();
          chat.section.scrollIntoView({ behavior: "smooth", inline: "nearest", block: "nearest" });
        }
        break;
      }
      default:
        break;
    }
  }

  // A newcomer who joins through an invite link gets their role from the bot, not from us.
  let rolesTimer = null;
  function refreshRolesSoon() {
    clearTimeout(rolesTimer);
    rolesTimer = setTimeout(async () => {
      try {
        const info = await getJson(`${DEMO}/info`);
        if (info.generation !== model.info.generation) return;
        applyInfo(info);
        for (const chat of model.chats.values()) renderHeader(chat);
      } catch (error) {
        // The next event tries again.
      }
    }, 300);
  }

  async function refresh() {
    const info = await getJson(`${DEMO}/info`);
    if (model.info && info.generation !== model.info.generation) {
      location.reload();
      return;
    }
    const state = await getJson(`${API}/state`);
    applyInfo(info);
    applyState(state);
    for (const chat of model.chats.values()) renderHeader(chat);
    // After a reload every chat opens at its newest message, where the card to act on is.
    scrollAllToNewest();
    requestAnimationFrame(scrollAllToNewest);
  }

  // Events that arrive while the snapshot loads are replayed after it: each carries the
  // message's full current view, so replaying them in order ends in the newest state.
  function connect() {
    const events = new EventSource(`${API}/events`);
    source = events;
    let buffer = [];
    events.onopen = async () => {
      buffer = [];
      try {
        await refresh();
      } catch (error) {
        events.close();
        retrySoon();
        return;
      }
      const pending = buffer;
      buffer = null;
      pending.forEach(applyEvent);
      status(t("live"), "live");
    };
    events.onmessage = (message) => {
      const event = JSON.parse(message.data);
      if (buffer) buffer.push(event);
      else applyEvent(event);
    };
    events.onerror = () => {
      events.close();
      retrySoon();
    };
  }

  function retrySoon() {
    status(t("reconnecting"), "warning");
    setTimeout(connect, 1000);
  }

  // --- top bar ---------------------------------------------------------------------------

  async function addPersona(event) {
    event.preventDefault();
    const form = event.target;
    const name = form.elements.name.value.trim();
    if (!name) return;
    const result = await post(`${DEMO}/personas`, {
      name,
      role: form.elements.role.value,
      language: form.elements.language.value,
    });
    if (result.ok) {
      form.elements.name.value = "";
      form.closest("details").open = false;
      status(t("added", { name: result.persona.name }), "live");
    } else {
      status(t("failed", { error: result.error }), "warning");
    }
  }

  async function resetDemo() {
    if (!window.confirm(t("confirm_reset"))) return;
    const result = await post(`${DEMO}/reset`, {});
    if (!result.ok) {
      status(t("failed", { error: result.error }), "warning");
      return;
    }
    if (source) source.close();
    document.getElementById("overlay").hidden = false;
    const wanted = result.generation;
    const poll = async () => {
      try {
        const info = await getJson(`${DEMO}/info`);
        if (info.generation >= wanted) {
          location.reload();
          return;
        }
      } catch (error) {
        // The server is restarting; keep asking.
      }
      setTimeout(poll, 400);
    };
    setTimeout(poll, 400);
  }

  async function toggleLanguage() {
    language = language === "nl" ? "en" : "nl";
    localStorage.setItem("peercoach-demo-language", language);
    applyChromeTexts();
    for (const listener of languageListeners) listener(language);
    const result = await post(`${DEMO}/language`, { language });
    if (!result.ok) status(t("language_failed", { error: result.error }), "warning");
    else refreshRolesSoon();
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.getElementById("add-persona").addEventListener("submit", addPersona);
    document.getElementById("reset").addEventListener("click", resetDemo);
    document.getElementById("lang-toggle").addEventListener("click", toggleLanguage);
    document.getElementById("more-columns").addEventListener("click", () => {
      const hidden = firstHiddenColumn();
      if (hidden) showColumn(hidden);
    });
    document.getElementById("chats").addEventListener("scroll", updateMoreHint, { passive: true });
    window.addEventListener("resize", updateMoreHint);
    document.addEventListener("click", (event) => {
      // Close open pop-overs when clicking elsewhere, as menus do.
      for (const open of document.querySelectorAll("details.popover[open]")) {
        if (!open.contains(event.target)) open.open = false;
      }
    });
    applyChromeTexts();
    connect();
  });

  // What the guided tour (tour.js) may read and do: it acts through the page like a visitor.
  window.PeerCoachDemo = {
    language: () => language,
    onEvent: (listener) => listeners.push(listener),
    onLanguage: (listener) => languageListeners.push(listener),
    personaId: (name) => {
      for (const persona of model.personas.values()) if (persona.name === name) return persona.user_id;
      return null;
    },
    groupId: () => (model.info ? model.info.group_chat_id : null),
    chat: (id) => model.chats.get(id) || null,
    showColumn: (id) => {
      const chat = model.chats.get(id);
      if (chat) chat.section.scrollIntoView({ behavior: smoothScroll(), inline: "nearest", block: "nearest" });
    },
  };
})();
