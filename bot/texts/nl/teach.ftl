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
