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
