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
