### Groepssessies, Nederlands: de eigen teksten van de bot (rooms-*) en de sessieteksten (room-*).
### Sleutels zijn de sleutels uit de code met streepjes voor punten; sleutels en $variabelen gelijk houden met en/.
### Berichten zijn Telegram-HTML (de bot escapet de variabelen); knoppen zijn platte tekst.

## The bot's own room texts: linking a group, setting up, handing out roles

rooms-hello = Hoi allemaal! 👋 Ik ben PeerCoach. Hier kunnen jullie samen een situatie van iemand uitpluizen. Docent: typ /room om deze groep aan je klas te koppelen en een sessie te starten.
rooms-join_first = { $name }, doe je mee? Open dan eerst een privégesprek met mij ({ $link }) en meld je aan met de klaslink. Daarna kun je hier meteen aanhaken.
rooms-teachers_only = Een groepssessie starten kan alleen een docent. Wil jij meedoen? Wacht dan tot je docent er een start. 🙂
rooms-cohort_teachers_only = Deze groep hoort bij <b>{ $cohort }</b>. Alleen de docenten van die klas kunnen hier een sessie starten.
rooms-in_private =
    Groepssessies lopen in de Telegram-groep van je klas. Een docent voegt mij daar toe met deze link: { $startgroup }
    en typt dan /room in de groep.
rooms-pick_cohort = Bij welke klas hoort deze groep?
rooms-linked = 🔗 Deze groep hoort nu bij <b>{ $cohort }</b>.
rooms-pick_protocol = Welke werkvorm kiezen we vandaag?
rooms-setup =
    <b>{ $protocol }</b> (samen { $minutes } min)
    { $steps }

    Pas de tijden aan met ➖ en ➕ als je wilt, en open dan de sessie.
rooms-setup_step = { $number }. { $title }: { $minutes } min
rooms-shorter = ➖ { $number }
rooms-longer = ➕ { $number }
rooms-open = ✅ Sessie openen
rooms-other_protocol = ↩️ Andere werkvorm
rooms-only_teacher_button = Deze knop is voor de docent.
rooms-hand_out_roles = 🧑‍🏫 Rollen geven
rooms-roles_card = Wie krijgt welke rol? 🎤 brengt een situatie in, 🧭 leidt het gesprek, ⏱ houdt de tijd bij. Tik op een naam om de rol te geven.
rooms-as_case_holder = 🎤 { $name }
rooms-as_facilitator = 🧭 { $name }
rooms-as_timekeeper = ⏱ { $name }
rooms-lead_myself = 🧭 Ik leid zelf
rooms-reply_hint = 💬 Antwoord op dit bericht om iets in te brengen.
rooms-private_hint = ✉️ Stuur je bijdrage privé naar mij. Ik laat alles tegelijk zien.
rooms-shared = ✅ Staat in de groep, dank je!
rooms-turn_hint = ↩️ In de groep antwoord je op een bericht van mij. Je mag het ook gewoon hier sturen.
rooms-relayed = 💬 <b>{ $name }</b>: { $text }

## The session (flows/room/texts.py lists these keys): announcements in the group

room-announce-created =
    🪑 { $teacher } start een groepssessie: <b>{ $protocol }</b> (ongeveer { $minutes ->
        [one] { $minutes } minuut
       *[other] { $minutes } minuten
    }).
    { $description }
    Doe je mee? Tik op ‘Ik doe mee’.
room-announce-duration_changed = ⏱ ‘{ $title }’ duurt nu { $minutes } min.
room-announce-roles_open = Tijd voor de rollen. Wie wil vandaag een situatie inbrengen? En wie houdt de tijd in de gaten?
room-announce-roles_open_no_case = Tijd voor de rollen. Wie wil de tijd in de gaten houden?
room-announce-role_case_holder = 🙌 { $name } brengt vandaag een situatie in. Dank je wel!
room-announce-role_facilitator = 🧭 { $name } leidt het gesprek.
room-announce-role_timekeeper = ⏱ { $name } houdt de tijd bij.
room-announce-started = We beginnen! { $case_holder } brengt de situatie in en { $facilitator } leidt het gesprek. Wat hier gedeeld wordt, blijft in deze groep.
room-announce-started_no_case = We beginnen! { $facilitator } leidt het gesprek. Wat hier gedeeld wordt, blijft in deze groep.
room-announce-step =
    <b>Stap { $number } van { $count }: { $title }</b> ({ $minutes } min)
    { $instruction }
room-announce-back = ↩️ We gaan terug naar stap { $number }: <b>{ $title }</b>. Jullie hebben nog { $minutes } min.
room-announce-turn_order = We gaan de kring rond: { $order }. { $first } mag beginnen. Heb je even niets? Dan mag je passen.
room-announce-collect_privately = ✉️ Stuur je bijdrage voor ‘{ $title }’ privé naar mij. Zodra iedereen iets heeft gestuurd of gepast, laat ik alles tegelijk zien.
room-announce-everyone_passed = Iedereen heeft gepast bij ‘{ $title }’. Dan is er genoeg gezegd: we gaan door naar de volgende stap.
room-announce-warning = ⏳ Nog één minuut voor ‘{ $title }’.
room-announce-paused = ⏸ { $name } zet de sessie even op pauze. De klok staat stil.
room-announce-resumed = ▶️ We gaan verder met ‘{ $title }’. Nog { $minutes } min.
room-announce-extended = ⏱ { $name } geeft er { $minutes } min bij. Nog { $left } min voor deze stap.
room-announce-member_left = { $name } is weggegaan. We gaan verder met elkaar.
room-announce-facilitator_left = { $name } is weggegaan; { $new } leidt het gesprek nu verder.
room-announce-facilitator_gone = { $name } leidde het gesprek, maar is weggegaan. Wie neemt het over? Bied je aan bij de rollen.
room-announce-case_holder_left = { $name } is weggegaan. Omdat het om de situatie van { $name } gaat, staat de sessie even op pauze. De gespreksleider beslist hoe we verdergaan.
room-announce-case_holder_back = Welkom terug, { $name }! De gespreksleider kan de sessie weer laten doorlopen.
room-announce-closed_completed =
    🎉 Klaar! Jullie hebben { $minutes ->
        [one] { $minutes } minuut
       *[other] { $minutes } minuten
    } met { $count ->
        [one] { $count } persoon
       *[other] { $count } mensen
    } samen nagedacht. Dank jullie wel voor jullie vragen, ideeën en aandacht.
room-announce-closed_ended = { $name } heeft de sessie afgesloten. Dank jullie wel voor het meedoen!
room-announce-closed_auto = Deze sessie stond al een tijdje stil, dus ik heb hem afgesloten. Jullie kunnen altijd een nieuwe starten.
room-announce-closed_everyone_left = Iedereen is weg, dus ik heb de sessie afgesloten.
room-announce-summary_sent = 📝 { $name }, ik stuur je privé een samenvatting met je situatie, de vragen en de ideeën.

## Private prompts

room-prompt-your_turn = Jij bent aan de beurt bij ‘{ $title }’. Schrijf je bijdrage in de groep, of pas als je nu even niets hebt.
room-prompt-write_privately = Stuur hier je bijdrage voor ‘{ $title }’. Niemand ziet hem, totdat ik alles tegelijk laat zien.
room-prompt-received =
    Ontvangen, dank je! { $count ->
        [one] { $count } van de { $expected } is binnen.
       *[other] { $count } van de { $expected } zijn binnen.
    }
room-prompt-choose_step = Welk idee wil je uitproberen? Kies er hieronder een, of schrijf bij ‘{ $title }’ in de groep je eigen mix.
room-prompt-step_chosen = Genoteerd als jouw stap: { $text }
room-prompt-confirm_back = Terug naar stap { $number }, ‘{ $title }’? Wat er tot nu toe gezegd is, blijft bewaard.
room-prompt-case_holder_silent = { $name } is nog stil bij ‘{ $title }’. Wat wil je doen: wat meer tijd geven, door naar de volgende stap, of de sessie afsluiten?
room-prompt-nudge_case_holder = Geen haast. Vertel bij ‘{ $title }’ gewoon wat je kwijt wilt; een paar woorden is ook goed.
room-prompt-case_holder_left = { $name } is uit de groep gegaan en de sessie staat op pauze. Ga je verder zonder inbrenger, of sluit je af? { $name } krijgt hoe dan ook de samenvatting.

## Refusals (also answers to a pressed button: plain text)

room-refuse-already_open = In deze groep loopt al een sessie ({ $protocol }). { $name } kan die afsluiten met de knop ‘Afsluiten’ onder het statusbericht; daarna kun je een nieuwe starten.
room-refuse-unknown_protocol = Die werkvorm ken ik niet ({ $protocol }). Kies er een uit de lijst.
room-refuse-unknown_step = Die stap zit niet in deze werkvorm ({ $step }).
room-refuse-bad_duration = Een stap duurt minstens { $min } en hoogstens { $max } minuten.
room-refuse-closed = Deze sessie is al afgelopen.
room-refuse-paused = De sessie staat op pauze. Even geduld tot de gespreksleider verdergaat.
room-refuse-already_started = De sessie is al begonnen.
room-refuse-roles_first = Eerst kiezen we de rollen, dan beginnen we.
room-refuse-not_started = De sessie is nog niet begonnen.
room-refuse-not_now = Dat kan nu even niet.
room-refuse-only_facilitator = Dat doet de gespreksleider ({ $name }).
room-refuse-only_teacher = Rollen toewijzen doet de docent ({ $name }).
room-refuse-only_case_holder = Dat kiest de inbrenger ({ $name }).
room-refuse-not_enough_members = Er zijn minstens { $min } deelnemers nodig; nu zijn het er { $count }.
room-refuse-need_case_holder = Er is nog geen inbrenger. Wie wil een situatie inbrengen?
room-refuse-need_facilitator = Er is nog geen gespreksleider. Wie wil het gesprek leiden?
room-refuse-first_step = Dit is de eerste stap; verder terug kan niet.
room-refuse-already_member = Je doet al mee. 👍
room-refuse-not_member = Doe eerst mee met de knop ‘Ik doe mee’.
room-refuse-not_a_member = { $name } doet nog niet mee in deze sessie.
room-refuse-no_case_holder_here = Bij deze werkvorm is er geen inbrenger.
room-refuse-case_holder_fixed = Zodra de sessie loopt, blijft de inbrenger dezelfde.
room-refuse-role_taken = Die rol heeft { $name } al.
room-refuse-not_text = Stickers, foto's en spraakberichten kan ik niet bewaren. Wil je het in een paar woorden typen?
room-refuse-empty = Ik zie nog geen tekst. Typ je bijdrage gerust.
room-refuse-too_long = Dat is wat lang voor één bijdrage. Lukt het in { $max } tekens?
room-refuse-scale_number = Begin met een cijfer van { $min } tot { $max }, bijvoorbeeld: ‘6, omdat …’.
room-refuse-share_in_group = Deze stap doen we samen in de groep. Schrijf je bijdrage daar.
room-refuse-case_holder_speaks = Nu is { $name } aan het woord. Jouw moment komt zo.
room-refuse-facilitator_speaks = In deze stap stelt { $name } de vragen. Kijk mee en onthoud wat je opvalt.
room-refuse-case_holder_listens = Jij luistert nu even. Straks krijg je weer de ruimte.
room-refuse-not_your_turn = Nu is { $name } aan de beurt. Jij komt ook aan de beurt.
room-refuse-no_turns = In deze stap gaan we niet om de beurt.
room-refuse-already_handed_in = Je hebt je bijdrage al gestuurd.
room-refuse-nothing_to_reveal = Er is nog niets om te laten zien.
room-refuse-back_expired = Dat verzoek om terug te gaan is verlopen. Tik nog eens op ‘Terug’ als je het nog wilt.
room-refuse-extend_range = Je kunt { $min } tot { $max } minuten extra geven.
room-refuse-no_such_idea = Dat idee kan ik niet vinden. Kies er een uit de lijst.

## Contributions revealed at once

room-reveal-heading = ✉️ <b>{ $title }</b>: dit hebben jullie gestuurd ({ $count })
room-reveal-item = • { $name }: { $text }

## The case-holder's summary

room-summary-title = 📝 <b>Jouw samenvatting: { $protocol }</b>
room-summary-item = • { $name }: { $text }
room-summary-chosen_step = <b>Jouw stap:</b> { $text }
room-summary-no_chosen_step = Je hebt nog geen stap gekozen. Welke kleine stap past bij jou?
room-summary-closing = Dank je wel dat je je situatie deelde. Veel succes met je stap, je groep denkt met je mee. 💪

## Summary sections

room-summary-section-case = <b>Jouw situatie</b>
room-summary-section-question = <b>Vragen</b>
room-summary-section-analysis = <b>Wat de groep opviel</b>
room-summary-section-idea = <b>Ideeën</b>
room-summary-section-affirmation = <b>Wat ze sterk vonden</b>
room-summary-section-reflection = <b>Reflecties</b>
room-summary-section-scale = <b>Jouw cijfer</b>

## The teacher's report

room-report-teacher = 📋 Groepssessie <b>{ $protocol }</b>: { $minutes } min, { $count ->
        [one] { $count } deelnemer
       *[other] { $count } deelnemers
    } ({ $names }). Wat er gezegd is, blijft bij de groep.

## Why the session closed

room-report-reason-completed = Alle stappen zijn doorlopen.
room-report-reason-ended = De sessie is eerder afgesloten.
room-report-reason-auto_closed = De sessie stond stil en is vanzelf afgesloten.
room-report-reason-bot_removed = Ik ben uit de groep gehaald, dus de sessie is gestopt.
room-report-reason-everyone_left = Iedereen had de groep verlaten.

## The status message

room-status-title = <b>{ $protocol }</b>
room-status-gathering = Wie doet er mee? Tik op ‘Ik doe mee’. (ongeveer { $minutes } min)
room-status-roles = We kiezen de rollen.
room-status-running = We zijn bezig.
room-status-paused = ⏸ Even pauze.
room-status-closed = Afgelopen. Dank jullie wel!
room-status-step = Stap { $number }/{ $count }: { $title }
room-status-turn = 👉 Aan de beurt: { $name }
room-status-handed_in = ✉️ Binnen: { $count } van { $expected }
room-status-time_left = ⏳ Nog { $minutes } min
room-status-paused_left = ⏳ Nog { $minutes } min als we verdergaan
room-status-case_holder = Inbrenger: { $name }
room-status-facilitator = Gespreksleider: { $name }
room-status-timekeeper = Tijdbewaker: { $name }
room-status-members = { $count ->
    [0] Nog niemand doet mee.
   *[other] Deelnemers ({ $count }): { $names }
}

## Who speaks in a step

room-who-case_holder = 🎤 De inbrenger vertelt.
room-who-each_in_turn = 🔁 Om de beurt.
room-who-everyone = 💬 Iedereen mag meedoen.
room-who-nobody_but_case_holder_listens = 👂 Het team praat, de inbrenger luistert.
room-who-facilitator = 🧭 De gespreksleider stelt vragen.

## Buttons (plain text, at most 24 characters)

room-action-join = 🙋 Ik doe mee
room-action-leave = Ik stop
room-action-open_roles = Rollen kiezen
room-action-volunteer_case_holder = Ik breng iets in
room-action-volunteer_facilitator = Ik leid het gesprek
room-action-volunteer_timekeeper = Ik hou de tijd bij
room-action-start = ▶️ Beginnen
room-action-pass = Ik pas
room-action-reveal = ✉️ Laat zien
room-action-next = ⏭ Volgende stap
room-action-back = ↩️ Terug
room-action-confirm_back = Ja, terug
room-action-cancel_back = Nee, blijf hier
room-action-pause = ⏸ Pauze
room-action-resume = ▶️ Verder
room-action-extend = ⏱ Meer tijd
room-action-end = Afsluiten
room-action-choose_step = Dit wordt mijn stap
