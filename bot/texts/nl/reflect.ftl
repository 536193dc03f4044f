## Reflect and grow: charts of the scale

reflect-chart_axis_mine = jouw cijfer (0–10)
reflect-chart_axis_theirs = cijfer van { $name } (0–10)
reflect-chart_no_goal = Nog geen doel
reflect-chart_mark_goal = terug naar het doel
reflect-chart_mark_route = route opnieuw
reflect-chart_point = { $value } op { $day }
reflect-chart_caption_mine =
    📈 <b>Jouw cijfers door de tijd</b>
    Grafiek bij je doel ‘{ $goal }’. { $count ->
        [one] Je eerste cijfer
       *[other] Je { $count } cijfers, van oud naar nieuw
    }: { $points }.
reflect-chart_caption_theirs =
    📈 <b>Cijfers van { $name } door de tijd</b>
    Grafiek bij het doel ‘{ $goal }’. { $count ->
        [one] Het eerste cijfer
       *[other] De { $count } cijfers, van oud naar nieuw
    }: { $points }.
reflect-chart_caption_mark_goal = ↩️ Op { $day } terug naar het doel (roze stippellijn).
reflect-chart_caption_mark_route = 🗺 Op { $day } de route opnieuw gepland (groene stippellijn).

## Stuck moments on the coach's card

reflect-btn_stuck = 🧭 Vastgelopen?
reflect-btn_stuck_ask = 💬 Stel deze vraag
reflect-stuck_menu = 🧭 { $intro }
reflect-stuck_help =
    🧭 <b>{ $label }</b>
    <i>{ $sign }</i>

    <b>Wat je kunt doen</b>
    { $moves }

    <b>Een vraag die je kunt stellen</b>
    { $question }

## /log: the coach's own log

reflect-log_not_coach = Je coachlogboek vult zich zodra je zelf iemand coacht. Met /journal lees je je eigen logboek als coachee.
reflect-log_empty = Je coachlogboek is nog leeg. Na elk gesprek waarin jij coacht, kun je even terugkijken: dat komt hier te staan. 🪞
reflect-log_head =
    🪞 <b>Jouw coachlogboek</b>
    Per gesprek: welke rol je nam, waar je stond en wat je erover dacht. Alleen jij ziet dit.

    <b>Zo lees je de lijntjes</b>: elke lijn heeft twee kanten. De stip ● staat waar jij die keer stond. Allebei de kanten zijn goed; het gaat erom dat je ziet hoe jij coacht.

    { $fields }
reflect-log_legend_field =
    ◀ <b>{ $left }</b>, bijvoorbeeld: <i>{ $left_example }</i>
    ▶ <b>{ $right }</b>, bijvoorbeeld: <i>{ $right_example }</i>
reflect-log_conversation = 💬 <b>Gesprek { $number }</b> met { $name }
reflect-log_role = 🎭 Je rol: <b>{ $role }</b> (teruggekeken op { $day })
reflect-log_no_reflection = Over dit gesprek heb je (nog) niet teruggekeken.
reflect-log_tensions =
    ⚖️ <b>Waar je stond</b>
    { $lines }
reflect-log_field = { $left } { $dots } { $right }
reflect-log_field_skipped = { $left } ○○○○○ { $right } (overgeslagen)
reflect-log_answers =
    ✍️ <b>Jouw antwoorden</b>
    { $lines }
reflect-log_answer =
    <i>{ $question }</i>
    { $answer }
reflect-log_observer =
    👀 <b>Feedback van { $name }</b> (observator)
    { $lines }
reflect-log_compliments =
    💐 <b>Complimenten van { $name }</b>
    { $lines }
reflect-log_compliment = • { $text }

## An example for each end of a tension field (left = 1, right = 5; the words are in the script)

reflect-tension_goal_process_left_example = “Zullen we even terugkijken naar je doel?”
reflect-tension_goal_process_right_example = je coachee begint over iets anders en jij luistert gewoon verder
reflect-tension_service_encounter_left_example = vraag, antwoord, opschrijven, volgende vraag
reflect-tension_service_encounter_right_example = jullie lachten samen of vertelden iets over jezelf
reflect-tension_guiding_leading_left_example = “Wat wil jij als eerste doen?”
reflect-tension_guiding_leading_right_example = “Laten we eerst je planning maken.”
reflect-tension_learning_performing_left_example = “Wat leer je ervan als het niet lukt?”
reflect-tension_learning_performing_right_example = “Welk cijfer wil je halen?”
reflect-tension_autonomous_prescribed_left_example = jullie bedachten samen hoe je het aanpakt
reflect-tension_autonomous_prescribed_right_example = jullie gingen de vragen van school één voor één langs
reflect-tension_narrow_broad_left_example = alleen over wiskunde, verder niets
reflect-tension_narrow_broad_right_example = ook hoe het thuis, met vrienden of met sport gaat
reflect-tension_individual_organisation_left_example = “Wat vind jij zelf belangrijk?”
reflect-tension_individual_organisation_right_example = “Wat vraagt je mentor hiervoor?”

## A planned conversation in the student's own calendar

reflect-btn_calendar = 📆 Zet in mijn agenda
reflect-calendar_none = Er staat nu geen gesprek gepland. Plan er een met /plan.
reflect-calendar_summary = Coachingsgesprek met { $names }
reflect-calendar_description = Jullie coachingsgesprek in PeerCoach. Begin het met /talk.
reflect-calendar_caption = 📆 Open dit bestand om jullie gesprek van <b>{ $when }</b> in je agenda te zetten. Schuift het gesprek op? Tik dan opnieuw op de knop bij het nieuwe moment: je agenda schuift mee.
reflect-tension_examples = <i>Bijvoorbeeld: 1 = { $left } · 5 = { $right }</i>

## The coach's growth chart in /log

reflect-growth_title = Jouw groei als coach
reflect-growth_roles = Je rol per gesprek
reflect-growth_fields = Waar je stond
reflect-growth_axis = jouw gesprekken als coach, op volgorde
reflect-growth_role = { $number }: { $role }
reflect-growth_caption =
    📊 <b>Jouw groei als coach</b>
    Grafiek van { $count ->
        [one] je eerste terugblik
       *[other] je { $count } terugblikken, van oud naar nieuw
    }. Je rollen: { $roles }. Daaronder per lijn waar je stond: onderaan de eerste kant, bovenaan de tweede.
