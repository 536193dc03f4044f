## Reflect and grow: charts of the scale

reflect-chart_axis_mine = your score (0–10)
reflect-chart_axis_theirs = { $name }'s score (0–10)
reflect-chart_no_goal = No goal yet
reflect-chart_mark_goal = back to the goal
reflect-chart_mark_route = route planned again
reflect-chart_point = { $value } on { $day }
reflect-chart_caption_mine =
    📈 <b>Your scores over time</b>
    Chart for your goal ‘{ $goal }’. { $count ->
        [one] Your first score
       *[other] Your { $count } scores, oldest first
    }: { $points }.
reflect-chart_caption_theirs =
    📈 <b>{ $name }'s scores over time</b>
    Chart for the goal ‘{ $goal }’. { $count ->
        [one] The first score
       *[other] The { $count } scores, oldest first
    }: { $points }.
reflect-chart_caption_mark_goal = ↩️ On { $day }: back to the goal (pink dashed line).
reflect-chart_caption_mark_route = 🗺 On { $day }: the route planned again (green dashed line).

## Stuck moments on the coach's card

reflect-btn_stuck = 🧭 Stuck?
reflect-btn_stuck_ask = 💬 Ask this question
reflect-stuck_menu = 🧭 { $intro }
reflect-stuck_help =
    🧭 <b>{ $label }</b>
    <i>{ $sign }</i>

    <b>What you can do</b>
    { $moves }

    <b>A question you can ask</b>
    { $question }
