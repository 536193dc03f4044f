### Breakouts, Nederlands: de klas in kleine groepjes, doorgestuurd via de privéchats.
### Sleutels zijn de sleutels uit de code met streepjes voor punten; sleutels en $variabelen gelijk houden met en/.
### Berichten zijn Telegram-HTML (de bot escapet de variabelen); knoppen zijn platte tekst.

## The bot's own texts: starting breakouts in the class group

breakouts-in_private =
    Groepjes maak je in de Telegram-groep van je klas. Voeg mij daar toe met deze link: { $startgroup }
    en typ dan /breakout in de groep.
breakouts-in_private_student = Groepjes maakt je docent in de Telegram-groep van je klas. Zodra die begint, tik je daar op ‘🙋 Ik doe mee’; daarna praat je hier met je groepje.
breakouts-link_first = Koppel deze groep eerst aan je klas met /room. Daarna kun je hier groepjes maken met /breakout.
breakouts-already_open = Er lopen hier al groepjes. Rond die eerst af, dan kan er een nieuwe ronde.
breakouts-pick_protocol = 👥 Groepjes maken! Met welke werkvorm gaan de groepjes aan de slag?
breakouts-pick_size = <b>{ $protocol }</b> in groepjes. Hoe groot worden de groepjes?
breakouts-size = Groepjes van { $size }

## The card in the class group

breakout-card-gathering =
    👥 <b>{ $protocol }</b> in groepjes van { $size }
    Ik maak de groepjes en jullie praten met elkaar via je privéchat met mij.
    Doen mee ({ $count }): { $names }
breakout-card-running =
    👥 <b>{ $protocol }</b>: { $groups } groepjes zijn bezig.
    Allemaal bij stap { $number } van { $count }: { $title }
breakout-card-consent = 👥 <b>{ $protocol }</b>: de { $groups } groepjes zijn klaar. Even vragen of ze iets met de klas willen delen…
breakout-card-closed = 👥 <b>{ $protocol }</b>: klaar! Dank jullie wel, alle { $groups } groepjes.
breakout-action-join = 🙋 Ik doe mee
breakout-action-start = 👥 Groepjes maken
breakout-action-cancel = ✖️ Toch niet
breakout-card-cancelled = 👥 <b>{ $protocol }</b> in groepjes van { $size }: gaat deze keer niet door.
breakout-action-next = ⏭ Volgende stap (alle groepjes)
breakout-action-end = ⏹ Afronden

## Posts in the class group

breakout-groups-heading = 👥 De { $count } groepjes zijn er! Kijk in je privéchat met mij, daar gaat het verder.
breakout-groups-line = Groepje { $number }: { $names }
breakout-class-asking = 🙏 Klaar! Ik vraag nog even aan { $count ->
        [one] de inbrenger
       *[other] de { $count } inbrengers
    } of er iets met de klas gedeeld mag worden.
breakout-class-summaries = 📋 Zo ging het in de { $count } groepjes:
breakout-class-shared = • Groepje { $number } ({ $names }): { $questions ->
        [one] 1 vraag
       *[other] { $questions } vragen
    } en { $ideas ->
        [one] 1 idee
       *[other] { $ideas } ideeën
    }.
breakout-class-step = ↳ Stap die de inbrenger gaat proberen: { $text }
breakout-class-kept = • Groepje { $number } ({ $names }): dat blijft in het groepje. 🤫
breakout-class-closing = Mooi gewerkt, allemaal! 🌱

## Private texts for the members

breakout-card-with_case =
    👥 Jij zit in <b>groepje { $number }</b>: { $names }.
    { $case_giver } brengt een situatie in. Wat je hier typt, stuur ik door naar je groepje, en hun berichten komen hier binnen.
breakout-card-no_case =
    👥 Jij zit in <b>groepje { $number }</b>: { $names }.
    Wat je hier typt, stuur ik door naar je groepje, en hun berichten komen hier binnen.
breakout-prompt-your_turn = Jij bent aan de beurt bij ‘{ $title }’. Typ je bijdrage hier, dan stuur ik hem door naar je groepje. Heb je even niets? Dan mag je passen.
breakout-prompt-choose_step = Welk idee wil je uitproberen? Kies er hieronder een, of typ hier bij ‘{ $title }’ je eigen mix.
breakout-hint-write_here = ✍️ Typ het gewoon hier, ik stuur het door naar je groepje.
breakout-consent-ask = Dank je voor je situatie! Mag ik de klas een kort verslagje van groepje { $number } laten zien? Dit zou de klas lezen, meer niet:
breakout-consent-yes = ✅ Ja, dat mag
breakout-consent-no = 🤫 Nee, liever niet
breakout-consent-thanks_yes = Top, ik deel het kort met de klas. 🙌
breakout-consent-thanks_no = Prima, het blijft in jullie groepje. 👍

breakout-report-teacher = 👥 Groepjes met <b>{ $protocol }</b>: { $groups } groepjes, { $count } leerlingen, { $minutes } min. Kort verslagje gedeeld met de klas: { $shared } van de { $groups }.

## Refusals (also shown as a short answer to a pressed button: no HTML)

breakout-refuse-only_teacher = Dat kan alleen { $name }, de docent.
breakout-refuse-already_open = Er lopen hier al groepjes.
breakout-refuse-size = Kies groepjes van { $min } tot { $max }.
breakout-refuse-under_way = De groepjes zijn al gemaakt.
breakout-refuse-already_in = Je doet al mee!
breakout-refuse-teacher_joins = Jij leidt als docent alle groepjes, dus je hoeft niet mee te doen.
breakout-refuse-too_few = Er zijn nog te weinig mensen voor groepjes van { $size }.
breakout-refuse-not_running = De groepjes zijn nu niet bezig.
breakout-refuse-consent_over = Deze vraag is al afgerond.
breakout-refuse-blocked = Ik kan je privé nu geen berichten sturen, en daar praat je groepje. Open onze chat, tik op Start of Deblokkeren, en tik dan opnieuw op ‘Ik doe mee’.
breakout-cancel_goes_on = Je groepje gaat gewoon door, dat stop je niet met /cancel. Even niets te zeggen? Tik op ‘Ik pas’ als je aan de beurt bent, of wacht rustig af. { $teacher } rondt de groepjes af.
