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

## /log: the coach's own log

reflect-log_not_coach = Your coach log fills up once you coach someone yourself. With /journal you read your own notebook as a coachee.
reflect-log_empty = Your coach log is still empty. After each conversation in which you coach, you can take a moment to look back: that appears here. 🪞
reflect-log_head =
    🪞 <b>Your coach log</b>
    Per conversation: the role you took, where you stood and what you thought about it. Only you see this.

    <b>How to read the lines</b>: each line has two ends. The dot ● is where you stood that time. Both ends are fine; the point is to see how you coach.

    { $fields }
reflect-log_legend_field =
    ◀ <b>{ $left }</b>, for example: <i>{ $left_example }</i>
    ▶ <b>{ $right }</b>, for example: <i>{ $right_example }</i>
reflect-log_conversation = 💬 <b>Conversation { $number }</b> with { $name }
reflect-log_role = 🎭 Your role: <b>{ $role }</b> (looked back on { $day })
reflect-log_no_reflection = You haven't looked back on this conversation (yet).
reflect-log_tensions =
    ⚖️ <b>Where you stood</b>
    { $lines }
reflect-log_field = { $left } { $dots } { $right }
reflect-log_field_skipped = { $left } ○○○○○ { $right } (skipped)
reflect-log_answers =
    ✍️ <b>Your answers</b>
    { $lines }
reflect-log_answer =
    <i>{ $question }</i>
    { $answer }
reflect-log_observer =
    👀 <b>Feedback from { $name }</b> (observer)
    { $lines }
reflect-log_compliments =
    💐 <b>Compliments from { $name }</b>
    { $lines }
reflect-log_compliment = • { $text }

## An example for each end of a tension field (left = 1, right = 5; the words are in the script)

reflect-tension_goal_process_left_example = “Shall we look at your goal again?”
reflect-tension_goal_process_right_example = your coachee starts on something else and you just keep listening
reflect-tension_service_encounter_left_example = question, answer, write it down, next question
reflect-tension_service_encounter_right_example = you laughed together or shared something about yourselves
reflect-tension_guiding_leading_left_example = “What do you want to do first?”
reflect-tension_guiding_leading_right_example = “Let's make your plan first.”
reflect-tension_learning_performing_left_example = “What do you learn when it doesn't work out?”
reflect-tension_learning_performing_right_example = “Which grade do you want to get?”
reflect-tension_autonomous_prescribed_left_example = you worked out together how to tackle it
reflect-tension_autonomous_prescribed_right_example = you went through the school's questions one by one
reflect-tension_narrow_broad_left_example = only maths, nothing else
reflect-tension_narrow_broad_right_example = also how things go at home, with friends or at sport
reflect-tension_individual_organisation_left_example = “What matters to you?”
reflect-tension_individual_organisation_right_example = “What does your mentor ask for this?”

## A planned conversation in the student's own calendar

reflect-btn_calendar = 📆 Add to my calendar
reflect-calendar_none = No conversation is planned right now. Plan one with /plan.
reflect-calendar_summary = Coaching conversation with { $names }
reflect-calendar_description = Your coaching conversation in PeerCoach. Start it with /talk.
reflect-calendar_caption = 📆 Open this file to put your conversation on <b>{ $when }</b> in your calendar. Moved to another time? Tap the button under the new time again: your calendar moves along.
reflect-tension_examples = <i>For example: 1 = { $left } · 5 = { $right }</i>

## The coach's growth chart in /log

reflect-growth_title = Your growth as a coach
reflect-growth_roles = Your role per conversation
reflect-growth_fields = Where you stood
reflect-growth_axis = your conversations as a coach, in order
reflect-growth_role = { $number }: { $role }
reflect-growth_caption =
    📊 <b>Your growth as a coach</b>
    Chart of { $count ->
        [one] your first look back
       *[other] your { $count } looks back, oldest first
    }. Your roles: { $roles }. Below, for each line, where you stood: the first end at the bottom, the second at the top.
