## Progress of a class for teachers and coordinators (metadata only, never what students write)

teach-progress_head = 📊 <b>Voortgang in { $cohort }</b> · { $view }
teach-progress_counts = Actief: { $active } · afgerond: { $finished } · aandacht nodig: { $attention } · gestopt: { $dissolved }
    <i>Je ziet stappen, data en aantallen. Wat leerlingen schrijven, blijft van hen.</i>
teach-progress_view_active = lopende trajecten
teach-progress_view_finished = afgeronde trajecten
teach-progress_view_attention = trajecten die aandacht vragen
teach-progress_line_active = • { $coach } → { $coachee }: <b>{ $step }</b> · gesprekken: { $conversations } · open stappen: { $steps } · laatst actief: { $last } · volgend gesprek: { $next }
teach-progress_line_finished = • { $coach } → { $coachee }: afgerond op { $ended } · gesprekken: { $conversations } · stappen gezet: { $done }
teach-progress_line_attention = • { $coach } → { $coachee }: <b>{ $step }</b> · laatst actief: { $last } · { $reason }
teach-progress_reason_silent = { $count } vragen van de bot bleven liggen
teach-progress_reason_quiet = al { $days } dagen stil
teach-progress_none_active = Er loopt nu geen traject.
teach-progress_none_finished = Nog geen traject afgerond.
teach-progress_none_attention = Alles loopt: geen traject vraagt nu extra aandacht.
teach-progress_page = <i>Pagina { $page } van { $pages }</i>
teach-progress_filter_active = Actief ({ $count })
teach-progress_filter_finished = Afgerond ({ $count })
teach-progress_filter_attention = Aandacht ({ $count })
teach-progress_previous = ◀️ Vorige
teach-progress_next = Volgende ▶️
teach-progress_not_allowed = Dit overzicht is voor leerkrachten en coördinatoren.

## "Vraag mijn leerkracht" op de kaart van de coach (de leerkracht hoort alleen wie en wanneer)

teach-btn_ask_teacher = 🙋 Vraag mijn leerkracht
teach-ask_teacher_sent = 🙋 Goed dat je het vraagt! Je leerkracht weet nu dat je graag samen over je coaching wilt nadenken. Meer dan je naam en het moment heb ik niet doorgegeven.
teach-ask_teacher_known = 👍 Je leerkracht weet het al sinds { $since }, dus ik stuur het niet nog een keer. Zie je je leerkracht? Dan kun je het ook gewoon zelf even zeggen.
teach-ask_teacher_none = Je klas heeft nog geen leerkracht in de bot. Vraag je leerkracht gerust zelf om even mee te denken.
teach-ask_teacher_unreachable = Je leerkracht is via de bot nu niet te bereiken. Vraag het gerust zelf even, in de klas of na de les.
teach-ask_teacher_not_now = Deze knop hoort bij een gesprek dat niet meer loopt.
teach-ask_teacher_notice = 🙋 <b>{ $name }</b> uit { $cohort } vraagt je om supervisie bij het coachen ({ $moment }). Meer vertel ik er niet over: wat { $name } wil bespreken, hoor je van { $name } zelf.

## In je gegevens

export-supervision_asks = Wanneer je je leerkracht om supervisie vroeg
export-practice = Je oefengesprekken (begonnen, of voor het eerst afgerond)

## Oefenen met een gespeelde coachee (/practice); de leerkracht ziet alleen een vinkje

practice-intro =
    🎓 <b>Oefenen met coachen</b>
    Voor je eerste echte coachgesprek kun je hier oefenen met een gespeelde coachee. Je krijgt dezelfde soort kaarten en knoppen als straks. Ik bewaar alleen hoe ver je kwam, nooit je woorden; je leerkracht ziet alleen dat je geoefend hebt.

    Met wie wil je oefenen?
practice-not_student = Oefenen is voor leerlingen die gaan coachen. Doe je mee met een klas? Dan kan het via de uitnodigingslink van je klas.
practice-begin =
    🎭 Je oefent met <b>{ $name }</b> ({ $age }). { $situation }

    { $name } is gespeeld: de antwoorden liggen vast. Stel een vraag met 💬 en ga met ⏭ naar de volgende stap, net als in een echt gesprek.
practice-card =
    { $emoji } <b>Oefengesprek · { $step }</b> (stap { $number } van { $steps })

    ❓ { $question }

    Stel deze vraag met 💬, of kies een andere.
practice-reply =
    💬 <i>{ $question }</i>
    🗣 <b>{ $name }</b>: { $reply }
practice-said_all = { $name } heeft in deze stap alles verteld wat er te vertellen was. Tik op ⏭ om verder te gaan.
practice-done =
    🎉 <b>Goed geoefend!</b>
    Je hebt alle stappen met { $name } doorlopen: kennismaken, doel, route en afronden. In je echte gesprekken werken de knoppen net zo. Je leerkracht ziet nu een vinkje bij je naam, verder niets.
practice-stopped = Je bent gestopt met oefenen. Met /practice begin je opnieuw wanneer je wilt.
practice-stale = Deze kaart is al voorbij. Kijk naar de nieuwste kaart.
practice-use_buttons = In het oefengesprek stel je vragen met de knoppen: tik op 💬 om de vraag van de kaart te stellen, of kies een andere.
practice-btn_ask = 💬 Stel deze vraag
practice-btn_another = 🔄 Andere vraag
practice-btn_next = ⏭ Volgende stap
practice-btn_finish = 🏁 Oefening afronden
practice-btn_stop = ⏹ Stoppen met oefenen
teach-progress_practised = 🎓 Geoefend ({ $count }): { $names }
teach-progress_worries = 🫶 Zorgroute geopend: { $count } keer (zonder namen; wie het was, blijft bij de leerling).
commands-practice = Oefenen met coachen
teach-progress_practice_first = 🎓 Eerst oefenen staat aan: leerlingen melden zich pas aan voor koppelen als ze met /practice geoefend hebben.
teach-progress_practice_on = 🎓 Eerst oefenen, dan koppelen
teach-progress_practice_off = 🎓 Oefenen niet meer verplicht
practice-first = 🎓 Je klas oefent eerst even voordat je gekoppeld wordt. Doe een kort oefengesprek met /practice; daarna kun je je hier aanmelden.
