## Progress of a class for teachers and coordinators (metadata only, never what students write)

teach-progress_head = 📊 <b>Progress in { $cohort }</b> · { $view }
teach-progress_counts = Active: { $active } · finished: { $finished } · needs attention: { $attention } · stopped: { $dissolved }
    <i>You see steps, dates and counts. What students write stays theirs.</i>
teach-progress_view_active = running trajectories
teach-progress_view_finished = finished trajectories
teach-progress_view_attention = trajectories that need attention
teach-progress_line_active = • { $coach } → { $coachee }: <b>{ $step }</b> · conversations: { $conversations } · open steps: { $steps } · last active: { $last } · next conversation: { $next }
teach-progress_line_finished = • { $coach } → { $coachee }: finished on { $ended } · conversations: { $conversations } · steps taken: { $done }
teach-progress_line_attention = • { $coach } → { $coachee }: <b>{ $step }</b> · last active: { $last } · { $reason }
teach-progress_reason_silent = { $count } of the bot's questions left unanswered
teach-progress_reason_quiet = quiet for { $days } days
teach-progress_none_active = No trajectory is running right now.
teach-progress_none_finished = No trajectory has finished yet.
teach-progress_none_attention = All is moving: no trajectory needs extra attention right now.
teach-progress_page = <i>Page { $page } of { $pages }</i>
teach-progress_filter_active = Active ({ $count })
teach-progress_filter_finished = Finished ({ $count })
teach-progress_filter_attention = Attention ({ $count })
teach-progress_previous = ◀️ Previous
teach-progress_next = Next ▶️
teach-progress_not_allowed = This overview is for teachers and coordinators.

## "Ask my teacher" on the coach's card (the teacher hears only who and when)

teach-btn_ask_teacher = 🙋 Ask my teacher
teach-ask_teacher_sent = 🙋 Good of you to ask! Your teacher now knows you'd like to think through your coaching together. I passed on nothing but your name and the moment.
teach-ask_teacher_known = 👍 Your teacher has known since { $since }, so I won't send it again. When you see your teacher, you can also just mention it yourself.
teach-ask_teacher_none = Your class has no teacher in the bot yet. Feel free to ask your teacher in person to think along.
teach-ask_teacher_unreachable = I can't reach your teacher through the bot right now. Feel free to ask them yourself, in class or after a lesson.
teach-ask_teacher_not_now = This button belongs to a conversation that has ended.
teach-ask_teacher_notice = 🙋 <b>{ $name }</b> from { $cohort } asks you for supervision with their coaching ({ $moment }). That's all I'll say: what { $name } wants to talk about, you'll hear from { $name }.

## In your data

export-supervision_asks = When you asked your teacher for supervision
export-practice = Your practice conversations (started, or first finished)

## Practising with a scripted coachee (/practice); the teacher sees only a tick

practice-intro =
    🎓 <b>Practise coaching</b>
    Before your first real coaching conversation you can practise here with a scripted coachee. You'll get the same kind of cards and buttons as later. I keep only how far you got, never your words; your teacher only sees that you practised.

    Who would you like to practise with?
practice-not_student = Practising is for students who are going to coach. Joining a class? Use your class's invite link.
practice-begin =
    🎭 You're practising with <b>{ $name }</b> ({ $age }). { $situation }

    { $name } is scripted: the answers are fixed. Ask a question with 💬 and go to the next step with ⏭, just like in a real conversation.
practice-card =
    { $emoji } <b>Practice · { $step }</b> (step { $number } of { $steps })

    ❓ { $question }

    Ask this question with 💬, or pick another one.
practice-reply =
    💬 <i>{ $question }</i>
    🗣 <b>{ $name }</b>: { $reply }
practice-said_all = { $name } has told you everything there was to tell in this step. Tap ⏭ to go on.
practice-done =
    🎉 <b>Well practised!</b>
    You went through every step with { $name }: getting to know each other, goal, route and closing. In your real conversations the buttons work the same way. Your teacher now sees a tick by your name, nothing else.
practice-stopped = You've stopped practising. Start again with /practice whenever you like.
practice-stale = This card is over. Have a look at the newest card.
practice-use_buttons = In the practice you ask with the buttons: tap 💬 to ask the card's question, or pick another one.
practice-btn_ask = 💬 Ask this question
practice-btn_another = 🔄 Another question
practice-btn_next = ⏭ Next step
practice-btn_finish = 🏁 Finish the practice
practice-btn_stop = ⏹ Stop practising
teach-progress_practised = 🎓 Practised ({ $count }): { $names }
teach-progress_worries = 🫶 Worry route opened: { $count ->
        [one] once
       *[other] { $count } times
    } (no names; who it was stays with the student).
commands-practice = Practise coaching
teach-progress_practice_first = 🎓 Practise first is on: students can opt in to pairing once they have practised with /practice.
teach-progress_practice_on = 🎓 Practise first, then pair
teach-progress_practice_off = 🎓 Practice no longer required
practice-first = 🎓 Your class practises a little before you're paired. Do a short practice conversation with /practice; then you can opt in here.
