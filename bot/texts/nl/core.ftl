### Kernteksten, Nederlands: taal, start, welkom, hulp, rollen, klassen, commando's.
### Sleutels zijn de sleutels uit de code met streepjes voor punten; sleutels en $variabelen gelijk houden met en/.
### Berichten zijn Telegram-HTML (de bot escapet de variabelen); knoppen zijn platte tekst.

## Choosing a language

language-choose =
    Hoi! 👋 In welke taal wil je met me praten?
    Hi! Which language would you like to use?
language-chosen = Top, we praten Nederlands. 🇳🇱
language-button_nl = 🇳🇱 Nederlands
language-button_en = 🇬🇧 English

## Start links

start-missing =
    Hoi! 👋 Ik ben PeerCoach. Bij mij coachen leerlingen en studenten elkaar.

    Om mee te doen heb je een uitnodigingslink nodig van je coördinator of leerkracht. Tik op die link, dan gaan we meteen verder.
start-unknown = Die link herken ik niet. Misschien is hij niet helemaal meegekopieerd? Vraag je coördinator of leerkracht gerust om een nieuwe.
start-revoked = Deze link is ingetrokken, dus hij werkt niet meer. Je coördinator kan je een nieuwe geven.
start-expired = Deze link is verlopen. Vraag je coördinator om een nieuwe: die werkt meteen.
start-used = Deze link is al gebruikt. Links voor leerkrachten en coördinatoren werken maar één keer. Vraag gerust om een nieuwe.
start-already_member = Je zit al in <b>{ $cohort }</b> als { $role }. Met /help zie je wat je kunt doen.
start-finish_first = We waren nog even bezig met kennismaken. Kies hierboven eerst je taal of lees de privacy-uitleg, dan gaan we verder.

## Welcome, per role

welcome-student =
    Welkom bij <b>{ $cohort }</b>, { $name }! 🎉

    Je doet mee als leerling. Binnenkort krijg je een medeleerling als coachingspartner: jullie helpen elkaar om je eigen doelen te halen, stap voor stap.

    Met /help zie je altijd wat je kunt doen.
welcome-teacher =
    Welkom bij <b>{ $cohort }</b>, { $name }! 🎉

    Je doet mee als leerkracht. Je kunt je leerlingen volgen en groepscoaching begeleiden in een klasgroep. Wat ze elkaar vertellen, blijft van hen: jij ziet hoe ver ze staan.

    Met /help zie je wat je kunt doen.
welcome-confidant =
    Welkom bij <b>{ $cohort }</b>, { $name }! 🎉

    Je bent de vertrouwenspersoon van deze groep. Wil een leerling met je praten, dan krijg je hier een bericht: alleen wie, uit welke groep en wanneer. Jullie schrijven elkaar via mij, en ik bewaar niets van wat jullie schrijven.

    Met /help zie je wat je kunt doen.
welcome-coordinator =
    Welkom bij <b>{ $cohort }</b>, { $name }! 🎉

    Je bent coördinator: je nodigt mensen uit, koppelt peercoaches en ziet wie even vastzit.

    Met /help zie je wat je kunt doen.

## Help, per role

help-newcomer =
    Ik ben PeerCoach: bij mij coachen leerlingen en studenten elkaar.

    Om mee te doen heb je een uitnodigingslink nodig van je coördinator of leerkracht.

    /privacy: wat ik bewaar en hoe je stopt
    /settings: je taal kiezen
    /cancel: stoppen met wat je aan het doen bent
help-student =
    <b>Wat kun je hier doen?</b>

    /pool: meedoen in de koppelpool, je profiel, pauzeren
    /practice: oefenen met coachen, met een gespeelde coachee
    /nopair: met wie je liever niet gekoppeld wordt (alleen jij ziet dit)
    /partner: je partner reageert niet meer? Laat het weten
    /talk: je coachingsgesprek (beginnen of je kaart zien)
    /plan: jullie volgende gesprek plannen
    /journal: je logboek
    /log: je coachlogboek: je rollen en wat je leerde als coach
    /portfolio: je coachlogboek als PDF, voor je docent als jij dat wilt
    /goal: je doel en je cijfer
    /steps: je kleine stappen afvinken of aanpassen
    /contract: jullie afspraken
    /leave: stoppen met je coaching
    /help: dit overzicht
    /privacy: wat ik bewaar en hoe je je gegevens wist
    /settings: je taal kiezen
    /cancel: stoppen met wat je aan het doen bent

    Je groep: { $cohorts }
help-teacher =
    <b>Wat kun je hier doen?</b>

    <b>Samen coachen in de groepsapp van je klas</b>
    1. Voeg mij toe aan de Telegram-groep van je klas: { $startgroup }
    2. Typ daar /room. Ik koppel de groep aan je klas en je kiest een werkvorm.
    3. Of typ /breakout: ik verdeel de klas in kleine groepjes die tegelijk aan de slag gaan, via hun privéchat met mij.

    /progress: hoe ver je leerlingen staan (stap, data, aantallen; nooit wat ze schrijven)
    /dashboard: hetzelfde in je browser, met grafiek en CSV
    /help: dit overzicht
    /privacy: wat ik bewaar en wie wat ziet
    /settings: je taal kiezen
    /cancel: stoppen met wat je aan het doen bent

    Je groepen: { $cohorts }
help-confidant =
    <b>Wat kun je hier doen?</b>

    Wil een leerling met je praten, dan krijg je hier een bericht met een knop om te antwoorden. Wat je daarna typt, gaat naar die leerling. Met /cancel stop je met typen naar die leerling; met ✔️ sluit je het gesprek af.

    /help: dit overzicht
    /privacy: wat ik bewaar en wie wat ziet
    /settings: je taal kiezen
    /cancel: stoppen met wat je aan het doen bent

    Je groepen: { $cohorts }
help-coordinator =
    <b>Wat kun je hier doen?</b>

    /newcohort naam: een nieuwe groep maken en de uitnodigingslinks krijgen
    /links: nieuwe uitnodigingslinks voor je groepen
    /cohorttime: tijdzone en stille uren van een groep
    /consent: hoe jonge leerlingen toestemming krijgen, en het land van een groep
    /pair: peercoaches koppelen (voorstel bekijken, aanpassen, bevestigen)
    /rounds: de lopende ronde en eerdere rondes; een ronde afronden en de volgende starten
    /progress: wie waar staat (stap, data, aantallen; nooit wat ze schrijven)
    /dashboard: hetzelfde in je browser, met grafiek en CSV
    /script: je groep een eigen coachingsscript geven
    /help: dit overzicht
    /privacy: wat ik bewaar en wie wat ziet
    /settings: je taal kiezen
    /cancel: stoppen met wat je aan het doen bent

    Je groepen: { $cohorts }

## Role names

role-student = leerling
role-teacher = leerkracht
role-coordinator = coördinator
role-confidant = vertrouwenspersoon

## Settings

settings-menu = Je praat nu Nederlands met me. Wil je wisselen?

## Cancelling

cancel-nothing = Er loopt nu niets om te stoppen. Met /help zie je wat je kunt doen.
cancel-done = Oké, gestopt. Er is niets half bewaard.

## Cohorts and invitation links

cohort-usage =
    Geef de nieuwe groep een naam, bijvoorbeeld:
    /newcohort 5B Peercoaching
cohort-invalid_name = Een groepsnaam is 2 tot 80 tekens en begint met een letter of cijfer. Probeer je het nog eens?
cohort-not_allowed = Alleen coördinatoren kunnen groepen maken en links delen. Ben je coördinator? Vraag dan een coördinatorlink.
cohort-name_signs = Deze tekens kunnen niet in een groepsnaam: { $signs }. Letters, cijfers, spaties en . ' &amp; ( ) - mogen wel. Probeer je het nog eens?
cohort-time_not_allowed = Alleen coördinatoren stellen de tijdzone en de stille uren van een groep in. Vraag het gerust aan je coördinator.
cohort-exists = Er is al een groep die <b>{ $name }</b> heet. Kies gerust een andere naam.
cohort-created = De groep <b>{ $name }</b> staat klaar! 🎉 Deel deze links:
cohort-links =
    <b>{ $name }</b>

    👩‍🎓 Voor leerlingen (één link voor de hele groep, geldig tot { $student_until }):
    { $student }

    🧑‍🏫 Voor één leerkracht (werkt één keer, tot { $teacher_until }):
    { $teacher }

    🗂 Voor één coördinator (werkt één keer, tot { $coordinator_until }):
    { $coordinator }

    🫶 Voor één vertrouwenspersoon (werkt één keer, tot { $confidant_until }): de volwassene bij wie leerlingen terechtkunnen als ze zich zorgen maken, zoals de vertrouwenspersoon of zorgcoördinator van je school.
    { $confidant }
cohort-pick = Voor welke groep wil je nieuwe links?
cohort-time_usage =
    Zit je groep in een andere tijdzone, of wil je andere stille uren (dan stuur ik geen herinneringen)? Zo stel je het in:
    /cohorttime Europe/Amsterdam 21:00-08:00

    { $current }
cohort-time_current = <b>{ $name }</b>: { $zone }, stil van { $start } tot { $end }
cohort-time_bad_zone = De tijdzone <b>{ $zone }</b> ken ik niet. Gebruik een naam zoals Europe/Amsterdam of America/Curacao.
cohort-time_bad_quiet = Met <b>{ $quiet }</b> als stille uren lukt het me niet. Schrijf van-tot, zoals 21:00-08:00, en laat overdag tijd om af te spreken.
cohort-time_pick = Voor welke groep stel je dit in?
cohort-time_set = Geregeld! <b>{ $name }</b> gebruikt nu { $zone }, stil van { $start } tot { $end }. Data en herinneringen houden zich daaraan.
cohort-none = Je bent nog geen coördinator van een groep. Maak er een met /newcohort naam.

## When something goes wrong or is not understood

fallback-unknown_command = Dat commando ken ik niet. Met /help zie je wat wel kan.
fallback-media = Leuk! Maar ik kan alleen met tekst en knoppen werken. Typ het gerust in woorden.
fallback-too_long = Wat een lang bericht! Ik lees berichten tot { $limit } tekens. Kun je het wat korter maken of in stukjes sturen?
fallback-text = Ik verwacht nu geen tekst van je. Met /help zie je wat je kunt doen.
fallback-edited = Ik zie dat je een bericht hebt aangepast. Ik lees alleen nieuwe berichten, dus stuur het gerust opnieuw.
fallback-stale_button = Deze knop werkt niet meer.
fallback-already_done = Dat is al geregeld 👍 Nog een keer tikken hoeft niet.
fallback-stale_not_joined = Deze knop werkt niet meer. Je bent nog niet aangemeld: tik op de uitnodigingslink van je coördinator of leerkracht.
fallback-not_yours = Deze knop is voor iemand anders bedoeld.
fallback-not_joined = Je bent nog niet aangemeld. Tik op de uitnodigingslink van je coördinator of leerkracht.
fallback-error = Oei, daar ging bij mij iets mis. Probeer het zo nog eens; wat je stuurde, ben je niet kwijt.
fallback-group = In een klasgroep begeleid ik groepscoaching: een leerkracht start die met /room, of maakt kleine groepjes met /breakout. Voor al de rest: stuur me gerust een privébericht.

## The command menu (plain text)

commands-talk = Je coachingsgesprek
commands-journal = Je logboek: doel, cijfers, stappen
commands-log = Je coachlogboek: hoe je coacht
commands-portfolio = Je coachportfolio als PDF
commands-steps = Je kleine stappen
commands-plan = Jullie volgende gesprek plannen
commands-pool = Meedoen met koppelen, je profiel
commands-contract = Jullie afspraken
commands-start = Beginnen of een uitnodiging gebruiken
commands-help = Wat kan ik hier doen?
commands-privacy = Wat ik bewaar en hoe je stopt
commands-settings = Je taal kiezen
commands-cancel = Stoppen met wat je aan het doen bent
commands-progress = Hoe ver je leerlingen zijn
commands-dashboard = Overzicht van je groepen in de browser
commands-room = Groepscoaching in je klasgroep
commands-breakout = De klas in kleine groepjes tegelijk
commands-newcohort = Een nieuwe groep maken
commands-links = Uitnodigingslinks van je groepen
commands-pair = Peer coaches koppelen
commands-rounds = Koppelrondes: afronden en de volgende
commands-cohorttime = Tijdzone en stille uren van een groep
commands-enddate = Einddatum van een groep
commands-consent = Toestemming, leeftijdsgrens en land
commands-worried = Zorgen over jezelf of een ander?
