// The guided tour of the PeerCoach demo: short stories, each step done by hand or by the page.
// It acts only through the page, as a visitor would: it types in a chat and taps the bot's buttons.
"use strict";

(() => {
  const SEEN_KEY = "peercoach-demo-tour";
  // Reading speed: a pause before the page does a step itself (?tour-speed=fast for tests).
  const FAST = new URLSearchParams(location.search).get("tour-speed") === "fast";
  const MS_PER_WORD = FAST ? 5 : 260;
  const MIN_PAUSE = FAST ? 50 : 2200;
  const SETTLE_MS = 1500;

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
      where_as: "Waar: de groep {name}, als {person}",
      example: "Bijvoorbeeld: “{text}”",
      play: "▶ Speel af",
      pause: "⏸ Pauzeer",
      do_step: "Doe deze stap voor mij",
      leave: "Stoppen",
      done_title: "Klaar!",
      another: "Een ander verhaal",
      close: "Sluiten",
      playing: "De pagina speelt dit af. Lees mee, of neem het over wanneer je wil.",
      waiting: "Even wachten op de bot… In een groep stuurt Telegram hooguit twintig berichten per minuut.",
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
      where_as: "Where: the group {name}, as {person}",
      example: "For example: “{text}”",
      play: "▶ Play",
      pause: "⏸ Pause",
      do_step: "Do this step for me",
      leave: "Stop",
      done_title: "Done!",
      another: "Another story",
      close: "Close",
      playing: "The page is playing this. Read along, or take over whenever you like.",
      waiting: "Waiting for the bot… Telegram sends at most twenty messages a minute to a group.",
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

  const PAIRED = { column: "Noor", says: ["Je coachingspartner: Yusuf", "Your coaching partner: Yusuf"] };

  STORIES.push({
    id: "coaching",
    title: { nl: "Twee leerlingen coachen elkaar", en: "Two students coach each other" },
    summary: {
      nl: "Noor en Yusuf: kennismaken, afspraken maken en een doel kiezen.",
      en: "Noor and Yusuf: getting to know each other, agreements and a goal.",
    },
    steps: [
      {
        column: "Carla",
        skipIf: PAIRED,
        text: {
          nl: "Eerst koppelt Carla, de coördinator, Noor en Yusuf: typ /pair in haar chat.",
          en: "First Carla, the coordinator, pairs Noor and Yusuf: type /pair in her chat.",
        },
        send: "/pair",
        done: { column: "Carla", says: ["Voorstel ronde", "Proposal for round"] },
      },
      {
        column: "Carla",
        skipIf: PAIRED,
        text: { nl: "Tik op ✅ Bevestigen.", en: "Tap ✅ Confirm." },
        press: ["✅ Bevestigen", "✅ Confirm"],
        done: PAIRED,
      },
      {
        column: "Noor",
        text: {
          nl: "Noor en Yusuf zijn partners. Ze beginnen met kennismaken. Noor tikt op ▶️ Start ons gesprek.",
          en: "Noor and Yusuf are partners. They start by getting to know each other. Noor taps ▶️ Start our conversation.",
        },
        press: ["▶️ Start ons gesprek", "▶️ Start our conversation"],
        done: { column: "Noor", says: ["Wie coacht er", "Who is coaching"] },
      },
      {
        column: "Noor",
        text: {
          nl: "Ze coachen elkaar om de beurt. Vandaag is Noor de coach: tik op ‘Ik coach Yusuf’.",
          en: "They take turns coaching. Today Noor is the coach: tap ‘I coach Yusuf’.",
        },
        press: ["Ik coach Yusuf", "I coach Yusuf"],
        done: { column: "Noor", says: ["Waar praten jullie", "Where are you talking"] },
      },
      {
        column: "Noor",
        text: {
          nl: "Ze praten hier in de chat. Tik op 💬 Hier in de chat.",
          en: "They talk here in the chat. Tap 💬 Here in the chat.",
        },
        press: ["💬 Hier in de chat", "💬 Here in the chat"],
        done: { column: "Yusuf", says: ["Noor coacht, Yusuf is coachee", "Noor coaches, Yusuf is the coachee"] },
      },
      {
        column: "Noor",
        text: {
          nl: "Noor krijgt een kaart met een vraag om luchtig te beginnen. Tik op 💬 Stel deze vraag: de bot stuurt hem naar Yusuf.",
          en: "Noor gets a card with a question for an easy start. Tap 💬 Ask this: the bot sends it to Yusuf.",
        },
        press: ["💬 Stel deze vraag", "💬 Ask this"],
        done: { column: "Yusuf", says: ["Noor vraagt:", "Noor asks:"] },
      },
      {
        column: "Yusuf",
        text: {
          nl: "Yusuf antwoordt gewoon in zijn chat; de bot geeft het door aan Noor.",
          en: "Yusuf simply answers in his chat; the bot passes it on to Noor.",
        },
        send: { nl: "Goed! Net getraind, ik ben moe maar blij.", en: "Good! Just had practice, tired but happy." },
        done: { column: "Noor", says: ["💬 Yusuf: "] },
      },
      {
        column: "Noor",
        text: {
          nl: "Genoeg voor een eerste keer. Noor tikt op ⏹ Gesprek afronden.",
          en: "Enough for a first time. Noor taps ⏹ End the conversation.",
        },
        press: ["⏹ Gesprek afronden", "⏹ End the conversation"],
        done: { column: "Yusuf", says: ["klikte het?", "did it click?"] },
      },
      {
        column: "Yusuf",
        text: {
          nl: "Elk voor zich: klikte het? Niemand ziet het antwoord van de ander. Yusuf tikt op ‘Ja, het klikt’.",
          en: "Each on their own: did it click? Nobody sees the other's answer. Yusuf taps ‘Yes, it clicks’.",
        },
        press: ["Ja, het klikt", "Yes, it clicks"],
        done: { column: "Yusuf", says: ["Zodra iedereen heeft geantwoord", "As soon as everyone has answered"] },
      },
      {
        column: "Noor",
        text: { nl: "En Noor ook: ‘Ja, het klikt’.", en: "And Noor too: ‘Yes, it clicks’." },
        press: ["Ja, het klikt", "Yes, it clicks"],
        done: { column: "Noor", says: ["Alle afspraken op een rij", "All agreements at a glance"] },
      },
      {
        column: "Yusuf",
        text: {
          nl: "Het klikt! Nu maken ze afspraken. Alle acht staan op één kaart, zoals de meeste duo's ze maken. Past het? Yusuf tikt op ✅ Akkoord met alles. (Wil hij iets anders, dan past hij er één aan.)",
          en: "It clicks! Now they make agreements. All eight are on one card, the way most pairs make them. Does it suit them? Yusuf taps ✅ Agree to all. (If he wants something else, he changes one.)",
        },
        press: ["✅ Akkoord met alles", "✅ Agree to all"],
        done: { column: "Yusuf", says: ["Zodra iedereen akkoord is", "As soon as everyone has"] },
      },
      {
        column: "Noor",
        text: {
          nl: "De afspraken staan pas als ze het allebei eens zijn. Noor ook: ✅ Akkoord met alles.",
          en: "The agreements stand only when both say yes. Noor too: ✅ Agree to all.",
        },
        press: ["✅ Akkoord met alles", "✅ Agree to all"],
        done: { column: "Noor", says: ["Jullie afspraken staan", "Your agreements are set"] },
      },
      {
        column: "Noor",
        text: {
          nl: "Het volgende gesprek gaat over Yusufs doel. Noor typt /talk om verder te gaan.",
          en: "The next conversation is about Yusuf's goal. Noor types /talk to carry on.",
        },
        send: "/talk",
        done: { column: "Noor", says: ["Waar jullie staan", "Where you are"] },
      },
      {
        column: "Noor",
        text: {
          nl: "Tik op ▶️ Start ons gesprek. De bot onthoudt hoe ze het vorige keer deden: niets meer te kiezen.",
          en: "Tap ▶️ Start our conversation. The bot remembers how they did it last time: nothing left to choose.",
        },
        press: ["▶️ Start ons gesprek", "▶️ Start our conversation"],
        done: { column: "Noor", says: ["Yusuf coacht, Noor is coachee", "Yusuf coaches, Noor is the coachee"] },
      },
      {
        column: "Noor",
        text: {
          nl: "Ze coachen om de beurt, dus nu zou Yusuf coachen. Maar eerst helpt Noor hem zijn doel te kiezen. Eén tik: 🔄 Wissel: Noor coacht.",
          en: "They take turns, so now Yusuf would coach. But first Noor helps him choose his goal. One tap: 🔄 Swap: Noor coaches.",
        },
        press: ["🔄 Wissel: Noor coacht", "🔄 Swap: Noor coaches"],
        // Noor's own new card, so the next step taps its button (not the one before the swap).
        done: { column: "Noor", says: ["Noor coacht, Yusuf is coachee", "Noor coaches, Yusuf is the coachee"] },
      },
      {
        column: "Noor",
        text: {
          nl: "Deze keer zitten ze samen in de klas. Tik op 🪑 Toch in het echt: Noor krijgt de vragen als spiekbriefje.",
          en: "This time they sit together in class. Tap 🪑 In person after all: Noor gets the questions as a cheat sheet.",
        },
        press: ["🪑 Toch in het echt", "🪑 In person after all"],
        done: { column: "Noor", says: ["Jullie praten nu in het echt", "You're now talking in person"] },
      },
      {
        column: "Noor",
        text: {
          nl: "Ze hebben gepraat over wat Yusuf wil. Noor tikt op ➡️ Op naar de route: de bot vraagt Yusuf zijn doel op te schrijven.",
          en: "They talked about what Yusuf wants. Noor taps ➡️ On to the route: the bot asks Yusuf to write down his goal.",
        },
        press: ["➡️ Op naar de route", "➡️ On to the route"],
        done: { column: "Yusuf", says: ["Schrijf je doel in je eigen woorden", "Write your goal in your own words"] },
      },
      {
        column: "Yusuf",
        text: {
          nl: "Yusuf schrijft zijn doel in zijn eigen woorden. Het komt in zijn logboek; Noor leest mee.",
          en: "Yusuf writes his goal in his own words. It goes into his journal; Noor reads along.",
        },
        send: {
          nl: "Ik wil rustig een presentatie van vijf minuten kunnen geven",
          en: "I want to give a five-minute presentation calmly",
        },
        done: { column: "Yusuf", says: ["van 0 tot 10", "from 0 to 10"] },
      },
      {
        column: "Yusuf",
        text: {
          nl: "Waar staat hij nu, van 0 tot 10? Tik op 3.",
          en: "Where is he now, from 0 to 10? Tap 3.",
        },
        press: ["3"],
        done: { column: "Yusuf", says: ["Is dit jouw doel", "Is this your goal"] },
      },
      {
        column: "Yusuf",
        text: {
          nl: "Yusuf leest zijn doel en zijn cijfer terug en bevestigt: ✅ Ja, dit is mijn doel.",
          en: "Yusuf reads his goal and his score back and confirms: ✅ Yes, this is my goal.",
        },
        press: ["✅ Ja, dit is mijn doel", "✅ Yes, this is my goal"],
        done: { column: "Noor", says: ["Nieuwe stap: De route", "New step: The route"] },
      },
    ],
    ending: {
      nl: "Zo coachen leerlingen elkaar: de bot geeft de coach vragen, bewaart de woorden van de coachee in diens logboek en laat ze samen afspraken maken. Docenten en coördinatoren zien alleen hoe ver ze zijn.",
      en: "That is how students coach each other: the bot gives the coach questions, keeps the coachee's words in their journal and lets them agree together. Teachers and coordinators only see how far they are.",
    },
  });

  const STATUS = ["Antwoord op dit bericht", "Reply to this message"];

  STORIES.push({
    id: "room",
    title: { nl: "Een docent leidt een intervisie in de klasgroep", en: "A teacher runs a peer consultation in the class group" },
    summary: {
      nl: "Tom opent de incidentmethode in Klas 4B; Sanne brengt een situatie in, de groep denkt mee.",
      en: "Tom opens the incident method in Klas 4B; Sanne brings a situation, the group thinks along.",
    },
    steps: [
      {
        column: "group",
        as: "Tom",
        text: {
          nl: "Dit is de klasgroep, met de bot erin. Kies bij ‘Als’ Tom, de docent, en typ /room.",
          en: "This is the class group, with the bot in it. Pick Tom, the teacher, under ‘As’ and type /room.",
        },
        send: "/room",
        done: { column: "group", says: ["Welke werkvorm", "Which format"] },
      },
      {
        column: "group",
        as: "Tom",
        text: {
          nl: "Tom kiest de incidentmethode: iemand brengt een echte situatie in, de anderen stellen vragen en geven ideeën. Tik op Incidentmethode.",
          en: "Tom picks the incident method: someone brings a real situation, the others ask questions and give ideas. Tap Incident method.",
        },
        press: ["Incidentmethode", "Incident method"],
        done: { column: "group", says: ["Incidentmethode (samen", "Incident method ("] },
      },
      {
        column: "group",
        as: "Tom",
        text: {
          nl: "De kaart toont de stappen en minuten. Tik op ✅ Sessie openen.",
          en: "The card shows the steps and minutes. Tap ✅ Open the session.",
        },
        press: ["✅ Sessie openen", "✅ Open the session"],
        done: { column: "group", says: ["Wie doet er mee?", "Who's joining?"] },
      },
      ...["Sanne", "Bram", "Noor", "Yusuf"].map((name, index) => ({
        column: "group",
        as: name,
        text: index === 0
          ? {
              nl: "Leerlingen doen mee met één tik. Kies bij ‘Als’ Sanne en tik op 🙋 Ik doe mee.",
              en: "Students join with one tap. Pick Sanne under ‘As’ and tap 🙋 I'm in.",
            }
          : { nl: `Nu ${name}: kies ${name} en tik op 🙋 Ik doe mee.`, en: `Now ${name}: pick ${name} and tap 🙋 I'm in.` },
        press: ["🙋 Ik doe mee", "🙋 I'm in"],
        done: { column: "group", says: [`Deelnemers (${index + 1})`, `Participants (${index + 1})`] },
      })),
      {
        column: "group",
        as: "Tom",
        text: { nl: "Iedereen is er. Tom tikt op Rollen kiezen.", en: "Everyone is here. Tom taps Choose roles." },
        press: ["Rollen kiezen", "Choose roles"],
        done: { column: "group", says: ["We kiezen de rollen", "Choosing roles"] },
      },
      {
        column: "group",
        as: "Sanne",
        text: {
          nl: "Sanne wil iets inbrengen. Kies Sanne en tik op Ik breng iets in.",
          en: "Sanne would like to bring something. Pick Sanne and tap I'll bring a situation.",
        },
        press: ["Ik breng iets in", "I'll bring a situation"],
        done: { column: "group", says: ["Inbrenger: Sanne", "Case-holder: Sanne"] },
      },
      {
        column: "group",
        as: "Noor",
        text: { nl: "Noor houdt de tijd bij: kies Noor en tik op Ik hou de tijd bij.", en: "Noor keeps time: pick Noor and tap I'll keep time." },
        press: ["Ik hou de tijd bij", "I'll keep time"],
        done: { column: "group", says: ["Tijdbewaker: Noor", "Timekeeper: Noor"] },
      },
      {
        column: "group",
        as: "Tom",
        text: { nl: "De rollen staan. Tom tikt op ▶️ Beginnen.", en: "The roles are set. Tom taps ▶️ Begin." },
        press: ["▶️ Beginnen", "▶️ Begin"],
        done: { column: "group", says: ["Stap 1/7", "Step 1/7"] },
      },
      {
        column: "group",
        as: "Sanne",
        reply: STATUS,
        text: {
          nl: "In de groep hoort de bot alleen antwoorden op zijn eigen berichten. Kies Sanne, tik bij het statusbericht op ↩ Antwoorden en vertel kort de situatie.",
          en: "In the group the bot only hears replies to its own messages. Pick Sanne, tap ↩ Reply on the status message and tell the situation briefly.",
        },
        send: {
          nl: "Als ik in de les een beurt krijg, klap ik dicht.",
          en: "When I'm asked something in class, I freeze.",
        },
        done: { column: "group", own: true, says: [""] }, // in anyone's own words
      },
      {
        column: "group",
        as: "Tom",
        text: {
          nl: "Tom bewaakt het tempo: met ⏭ Volgende stap gaat het verder, ook voor de tijd om is.",
          en: "Tom keeps the pace: ⏭ Next step moves on, even before the time is up.",
        },
        press: ["⏭ Volgende stap", "⏭ Next step"],
        done: { column: "group", says: ["Stap 2/7", "Step 2/7"] },
      },
      {
        column: "group",
        as: "Tom",
        text: {
          nl: "Sanne zou nu vertellen wat er gebeurde. Voor deze rondleiding gaan we door: ⏭ Volgende stap.",
          en: "Sanne would now tell what happened. For this tour we move on: ⏭ Next step.",
        },
        press: ["⏭ Volgende stap", "⏭ Next step"],
        done: { column: "group", says: ["Stap 3/7", "Step 3/7"] },
      },
      {
        column: "group",
        as: "Bram",
        reply: STATUS,
        text: {
          nl: "Vragen over de feiten, om de beurt. Bram begint: kies Bram, tik op ↩ Antwoorden bij het statusbericht en stel een vraag.",
          en: "Questions about the facts, in turn. Bram starts: pick Bram, tap ↩ Reply on the status message and ask a question.",
        },
        send: { nl: "Bij welke vakken gebeurt het?", en: "In which subjects does it happen?" },
        done: { column: "group", says: ["Aan de beurt: Noor", "Turn: Noor"] },
      },
      {
        column: "group",
        as: "Tom",
        text: {
          nl: "Noor en Yusuf kunnen ook vragen of passen. We springen naar de ideeën: ⏭ Volgende stap, twee keer.",
          en: "Noor and Yusuf may ask too, or pass. We jump to the ideas: ⏭ Next step, twice.",
        },
        press: ["⏭ Volgende stap", "⏭ Next step"],
        done: { column: "group", says: ["Stap 4/7", "Step 4/7"] },
      },
      {
        column: "group",
        as: "Tom",
        text: { nl: "En nog eens ⏭ Volgende stap.", en: "And ⏭ Next step once more." },
        press: ["⏭ Volgende stap", "⏭ Next step"],
        done: { column: "group", says: ["Stap 5/7", "Step 5/7"] },
      },
      {
        column: "group",
        as: "Bram",
        reply: STATUS,
        text: {
          nl: "Een rondje ideeën; Sanne luistert. Bram geeft een idee als antwoord op het statusbericht.",
          en: "A round of ideas; Sanne listens. Bram gives an idea as a reply to the status message.",
        },
        send: { nl: "Schrijf vooraf één zin op die je kunt zeggen.", en: "Write down one sentence beforehand that you can say." },
        done: { column: "group", says: ["Aan de beurt: Noor", "Turn: Noor"] },
      },
      {
        column: "Noor",
        text: {
          nl: "Noor is aan de beurt maar heeft nu niets. In haar eigen chat tikt ze op Ik pas.",
          en: "It's Noor's turn but she has nothing right now. In her own chat she taps I pass.",
        },
        press: ["Ik pas", "I pass"],
        done: { column: "group", says: ["Aan de beurt: Yusuf", "Turn: Yusuf"] },
      },
      {
        column: "group",
        as: "Yusuf",
        reply: STATUS,
        text: { nl: "Yusuf heeft wel een idee: kies Yusuf en antwoord op het statusbericht.", en: "Yusuf does have an idea: pick Yusuf and reply to the status message." },
        send: { nl: "Vraag je docent om eerst een vraag die je zeker weet.", en: "Ask your teacher for a question you're sure of first." },
        done: { column: "group", says: ["Aan de beurt: Bram", "Turn: Bram"] },
      },
      {
        column: "group",
        as: "Tom",
        text: { nl: "Tom gaat naar de keuze van Sanne: ⏭ Volgende stap.", en: "Tom moves on to Sanne's choice: ⏭ Next step." },
        press: ["⏭ Volgende stap", "⏭ Next step"],
        done: { column: "group", says: ["Stap 6/7", "Step 6/7"] },
      },
      {
        column: "Sanne",
        text: {
          nl: "Sanne kiest privé welk idee ze uitprobeert; niemand hoeft het te zien. Tik op het eerste idee.",
          en: "Sanne privately picks the idea she will try; nobody needs to see it. Tap the first idea.",
        },
        pressFirst: ["Welk idee wil je uitproberen", "Which idea would you like to try"],
        done: { column: "Sanne", says: ["Genoteerd als jouw stap", "Noted as your step"] },
      },
      {
        column: "group",
        as: "Tom",
        text: { nl: "Nog een terugblik en dan klaar: ⏭ Volgende stap.", en: "A look back and then done: ⏭ Next step." },
        press: ["⏭ Volgende stap", "⏭ Next step"],
        done: { column: "group", says: ["Stap 7/7", "Step 7/7"] },
      },
      {
        column: "group",
        as: "Tom",
        text: { nl: "Tom rondt af met ⏭ Volgende stap.", en: "Tom wraps up with ⏭ Next step." },
        press: ["⏭ Volgende stap", "⏭ Next step"],
        done: { column: "group", says: ["Afgelopen. Dank jullie wel!", "Finished. Thank you all!"] },
      },
      {
        column: "Sanne",
        text: {
          nl: "Sanne krijgt privé een samenvatting: haar situatie, de vragen, de ideeën en haar stap. Tom krijgt alleen hoe lang en met wie, niet wat er gezegd is.",
          en: "Sanne privately gets a summary: her situation, the questions, the ideas and her step. Tom only gets how long and with whom, not what was said.",
        },
        done: { column: "Sanne", says: ["Jouw samenvatting", "Your summary"] },
      },
    ],
    ending: {
      nl: "Zo loopt een intervisie in de klasgroep: de bot bewaakt stappen, beurten en tijd, de docent houdt het tempo. Wat leerlingen inbrengen, blijft van hen.",
      en: "That is a peer consultation in the class group: the bot keeps the steps, turns and time, the teacher keeps the pace. What students bring stays theirs.",
    },
  });

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

  function texts(name, own) {
    const chat = chatOf(name);
    if (!chat) return [];
    return [...chat.messages.values()]
      .filter((view) => view.from_bot !== Boolean(own) && !view.deleted)
      .map((view) => [view.message_id, view.text || ""]);
  }

  function matching(done) {
    return texts(done.column, done.own)
      .filter(([, text]) => done.says.some((part) => text.includes(part)))
      .map(([id]) => id);
  }

  // A step to look at is done once the answer is there and the reader moves on; a step to act
  // on is done when the bot answers anew.
  function stepDone(step) {
    if (isLook(step)) return state.read && matching(step.done).length > 0;
    const fresh = matching(step.done).some((id) => !state.before.has(id));
    if (!fresh || !step.done.own) return fresh;
    // Something people wrote: give the bot a moment to take it in before the next step
    // presses a button on the message it may be updating.
    if (!state.seenAt) {
      state.seenAt = Date.now();
      setTimeout(check, SETTLE_MS);
    }
    return Date.now() - state.seenAt >= SETTLE_MS;
  }

  function isLook(step) {
    return !step.send && !step.press && !step.pressFirst;
  }

  function readOn() {
    state.read = true;
    check();
  }

  function keyFor(step) {
    const chat = chatOf(step.column);
    if (!chat) return null;
    if (step.pressFirst) return firstKeyOf(chat, step.pressFirst);
    if (!step.press) return null;
    const keys = [...chat.section.querySelectorAll("button.key:not(:disabled)")];
    return keys.reverse().find((key) => step.press.includes(key.textContent.trim())) || null;
  }

  // The first button of the newest bot message saying one of these texts.
  function firstKeyOf(chat, says) {
    const views = [...chat.messages.values()].filter((view) => view.from_bot && !view.deleted);
    views.sort((a, b) => b.message_id - a.message_id);
    const view = views.find((candidate) => says.some((part) => (candidate.text || "").includes(part)));
    if (!view) return null;
    const item = chat.section.querySelector(`[data-message-id="${view.message_id}"]`);
    return item ? item.querySelector("button.key:not(:disabled)") : null;
  }

  // Who acts in a group: the page's "As" list must name them first.
  function actsAs(chat, step) {
    return !step.as || chat.senders.value === String(api().personaId(step.as));
  }

  function replyButtonOf(chat, says) {
    const view = newestSaying(chat, says);
    if (!view) return null;
    const item = chat.section.querySelector(`[data-message-id="${view.message_id}"]`);
    return item ? item.querySelector(".reply-button") : null;
  }

  function newestSaying(chat, says) {
    const views = [...chat.messages.values()].filter((view) => view.from_bot && !view.deleted);
    views.sort((a, b) => b.message_id - a.message_id);
    return views.find((view) => says.some((part) => (view.text || "").includes(part))) || null;
  }

  function replying(chat, step) {
    const view = step.reply && newestSaying(chat, step.reply);
    return !step.reply || (view && chat.replyTo === view.message_id);
  }

  function targetOf(step) {
    const chat = chatOf(step.column);
    if (!chat) return null;
    if (!actsAs(chat, step)) return chat.senders;
    if (!replying(chat, step)) return replyButtonOf(chat, step.reply);
    if (step.press || step.pressFirst) return keyFor(step);
    if (step.send) return chat.input;
    return null;
  }

  // --- doing a step ------------------------------------------------------------------------

  function perform(step) {
    const chat = chatOf(step.column);
    if (!chat) return false;
    if (!actsAs(chat, step)) {
      chat.senders.value = String(api().personaId(step.as));
      chat.senders.dispatchEvent(new Event("change", { bubbles: true }));
    }
    if (!replying(chat, step)) {
      const button = replyButtonOf(chat, step.reply);
      if (!button) return false;
      button.click();
    }
    if (step.send) {
      chat.input.value = typeof step.send === "string" ? step.send : say(step.send);
      chat.input.form.requestSubmit();
      return true;
    }
    if (step.press || step.pressFirst) {
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
    // Steps that set the scene are skipped when the scene is already set (the pair exists).
    while (currentStep() && currentStep().skipIf && matching(currentStep().skipIf).length) state.index += 1;
    const step = currentStep();
    if (!step) {
      finish();
      return;
    }
    state.before = new Set(matching(step.done));
    state.read = false;
    state.seenAt = null;
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
    // Nothing to do yet: the bot is still answering (a class group gets twenty a minute).
    if (!isLook(step)) status(target ? (state.playing ? t("playing") : "") : t("waiting"));
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
    let where = t("where", { name });
    if (step.column === "group") where = step.as ? t("where_as", { name, person: step.as }) : t("where_group", { name });
    body.replaceChildren(
      ...[
      el("p", { class: "tour-progress", text: t("step", { n: state.index + 1, count: story.steps.length }) }),
      el("p", { class: "tour-text", text: say(step.text) }),
      step.send && typeof step.send !== "string" ? el("p", { class: "tour-example", text: t("example", { text: say(step.send) }) }) : null,
      el("p", { class: "tour-where", "data-as": step.as || null, text: where }),
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
      ].filter(Boolean),
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
    // Picking who acts, or what to reply to, moves the highlight to the next thing to do.
    for (const kind of ["change", "click"]) document.addEventListener(kind, () => setTimeout(check, 0));
    api().onLanguage(() => {
      labelOpener();
      if (!panel.hidden) render();
    });
    if (!localStorage.getItem(SEEN_KEY)) open();
  });
})();
