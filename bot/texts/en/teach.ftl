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
teach-ask_teacher_sent = 🙋 Good of you to ask! I've let your teacher know you'd like to think through your coaching together. I passed on nothing but your name and the moment. Your teacher will get in touch.
teach-ask_teacher_known = 👍 Your teacher has known since { $since }. I won't send it again; your teacher will get back to you.
teach-ask_teacher_none = Your class has no teacher in the bot yet. Feel free to ask your teacher in person to think along.
teach-ask_teacher_not_now = This button belongs to a conversation that has ended.
teach-ask_teacher_notice = 🙋 <b>{ $name }</b> from { $cohort } asks you for supervision with their coaching ({ $moment }). That's all I'll say: what { $name } wants to talk about, you'll hear from { $name }.

## In your data

export-supervision_asks = When you asked your teacher for supervision
