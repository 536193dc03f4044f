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

## "Vraag mijn docent" op de kaart van de coach (de docent hoort alleen wie en wanneer)

teach-btn_ask_teacher = 🙋 Vraag mijn docent
teach-ask_teacher_sent = 🙋 Goed dat je het vraagt! Ik heb je docent laten weten dat je graag even met hen meedenkt over je coaching. Meer dan je naam en het moment heb ik niet doorgegeven. Je docent neemt contact met je op.
teach-ask_teacher_known = 👍 Je docent weet het al sinds { $since }. Ik stuur het niet nog een keer; je docent komt bij je terug.
teach-ask_teacher_none = Je klas heeft nog geen docent in de bot. Vraag je docent gerust zelf om even mee te denken.
teach-ask_teacher_not_now = Deze knop hoort bij een gesprek dat niet meer loopt.
teach-ask_teacher_notice = 🙋 <b>{ $name }</b> uit { $cohort } vraagt je om supervisie bij het coachen ({ $moment }). Meer vertel ik er niet over: wat { $name } wil bespreken, hoor je van { $name } zelf.

## In je gegevens

export-supervision_asks = Wanneer je je docent om supervisie vroeg
