### The peer-coaching trajectory, English.
### Keys are the dotted keys of the code with hyphens for dots; keys and $variables must match nl/.
### Messages are Telegram HTML (the bot escapes the variables); button labels are plain text.

trajectory-weekdays = Mon,Tue,Wed,Thu,Fri,Sat,Sun
trajectory-months = Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec

## The steps

trajectory-step_contact = Getting to know each other
trajectory-step_contract = Agreements
trajectory-step_goal = Your goal
trajectory-step_route = The route
trajectory-step_path = On the way
trajectory-step_closing = Wrapping up
trajectory-step_closed = Finished
trajectory-step_dissolved = Stopped

## Starting a match

trajectory-start_reciprocal =
    🤝 <b>How you work together</b>
    You coach each other in turn: sometimes you're the coach, sometimes { $others } is. First you get to know each other.
trajectory-start_one_way =
    🤝 <b>How you work together</b>
    { $coach } is the coach and { $coachee } the coachee. First you get to know each other.
trajectory-start_triad =
    🤝 <b>How you work together</b>
    There are three of you: you, { $others }. Every conversation has a coach, a coachee and an observer, and the roles change each time. First you get to know each other.
trajectory-home =
    📍 <b>Where you are</b>
    { $lines }

    Ready? Tap ▶️ to start the conversation. Or plan a moment first.
trajectory-home_coach = { $emoji } You coach { $name }: <b>{ $step }</b>
trajectory-home_coachee = { $emoji } { $name } coaches you: <b>{ $step }</b>
trajectory-home_observer = { $emoji } { $coach } coaches { $coachee }: <b>{ $step }</b>
trajectory-home_next_chat = ▶️ Next conversation: { $coach } coaches { $coachee }, here in the chat. Once started, one tap swaps it.
trajectory-home_next_face = ▶️ Next conversation: { $coach } coaches { $coachee }, in person. Once started, one tap swaps it.
trajectory-btn_start = ▶️ Start our conversation
trajectory-btn_plan = 📅 Plan a moment
trajectory-no_match = You don't have a coaching partner right now. As soon as you're paired, I'll let you know. 🙂

## Starting a conversation

trajectory-who = Who is coaching in this conversation?
trajectory-who_i_coach = I coach { $name }
trajectory-who_coaches_me = { $name } coaches me
trajectory-who_others = { $coach } coaches { $coachee }
trajectory-mode = Where are you talking, { $coach } and { $coachee }?
trajectory-btn_mode_chat = 💬 Here in the chat
trajectory-btn_mode_face = 🪑 Together, in person
trajectory-btn_swap = 🔄 Swap: { $name } coaches
trajectory-btn_where_face = 🪑 In person after all
trajectory-btn_where_chat = 💬 Here in the chat after all
trajectory-mode_now_face = 🪑 You're now talking in person. I won't pass on what you type here.
trajectory-mode_now_chat = 💬 You're now talking here in the chat. I pass on what the coach and the coachee type to each other.
trajectory-already_started = Your conversation has already started. Here is your card.
trajectory-begun =
    ▶️ <b>Your conversation has started!</b>
    { $coach } coaches, { $coachee } is the coachee. Step: <b>{ $step }</b>.

    { $how }
trajectory-begun_chat = Whatever you type here, I pass on to { $others }. I don't keep it.
trajectory-begun_chat_observer = { $coach } and { $coachee } talk here in the chat and you read along. As the observer you watch and listen: I won't pass on what you type.
trajectory-begun_face = You're talking in person. I'm the coach's cheat sheet and the coachee's notebook.
trajectory-coach_intro =
    🧭 <b>For you as the coach</b>
    { $intro }
trajectory-coach_card =
    { $emoji } <b>{ $step }</b> · { $theme }

    ❓ { $question }

    <i>Question { $number } of { $count }. Ask it in your own words, or let me send it.</i>
trajectory-btn_ask = 💬 Ask this
trajectory-btn_another = 🔄 Another question
trajectory-btn_theme = ⏭ Another topic
trajectory-btn_have_written = 📝 Let { $name } write it down
trajectory-btn_my_compliment = 💐 My compliment
trajectory-btn_end = ⏹ End the conversation
trajectory-asked = ❓ <b>{ $name }</b> asks: { $question }
trajectory-asked_toast = Sent ✔️
trajectory-write_requested = I'm asking { $name } to write it down ✔️
trajectory-notebook =
    📓 <b>Your notebook · { $step }</b>
    Tap what you'd like to write down. Only you and your coach see it.
trajectory-observer_card =
    👀 <b>You're the observer</b>
    { $intro }

    { $coach } coaches { $coachee }. Step: <b>{ $step }</b>. Watch for:
    { $prompts }
trajectory-observer_quiet = As the observer you watch without joining in. After the conversation you give your feedback. 👀
trajectory-face_to_face = You're talking in person right now, so I don't pass anything on. Want to write something down? Use your notebook buttons.
trajectory-relayed = 💬 <b>{ $name }</b>: { $text }
trajectory-relayed_caption = 💬 <b>{ $name }</b>: { $caption }
trajectory-media_refused = I can't pass on this kind of message. Photos, voice messages and files work, and text of course.
trajectory-ended = ⏹ The conversation has ended. Well done, both of you! 👏
trajectory-ended_triad = ⏹ The conversation has ended. Well done, all three of you! 👏
trajectory-already_ended = This conversation has already ended.
trajectory-stale = This card belongs to an earlier moment. Have a look at the newest one.
trajectory-stale_ended = This coaching has ended, so this button doesn't do anything any more. What you wrote stays yours.
trajectory-stale_text = That belonged to something that's no longer going on, so I didn't keep it. /talk shows where you are now.
trajectory-click_pending = First the click question, please: it's just above. 🙂

## Moving on

trajectory-btn_next_route = ➡️ On to the route
trajectory-btn_next_path = ➡️ Let's go!
trajectory-btn_back_goal = ↩️ Back to the goal
trajectory-btn_replan = 🗺 Re-plan the route
trajectory-btn_start_closing = 🏁 Wrap up
trajectory-btn_finish = ✅ Ready to finish
trajectory-btn_resume_path = ↩️ Keep going a bit
trajectory-next_asked = Great! I'm asking { $name } to write it down and confirm.
trajectory-new_step_head = { $emoji } <b>New step: { $step }</b>
trajectory-new_step =
    { $emoji } <b>New step: { $step }</b>
    { $intro }
trajectory-waiting_for = ✔️ Noted. Now just waiting for { $name }.
trajectory-confirm_goal =
    🎯 <b>Your goal</b>
    { $goal }

    📊 You're now at <b>{ $scale }</b> out of 10.

    Is this your goal, the way you would say it?
trajectory-btn_confirm_goal = ✅ Yes, this is my goal
trajectory-btn_rewrite_goal = ✏️ Write it differently
trajectory-more_stages = Another stage, or on to your first small step?
trajectory-btn_more_stage = ➕ Another stage
trajectory-btn_to_steps = ➡️ On to my step
trajectory-replan_route =
    🗺 <b>Your route as it is now</b>

    <b>Stages</b>
    { $stages }

    <b>Small steps</b>
    { $steps }

    What doesn't fit any more? Change a step (✏️), drop it (🗑), or add a new stage or step. Done? Then you set off again.
trajectory-confirm_route =
    🗺 <b>Your route</b>

    <b>Stages</b>
    { $stages }

    <b>Small steps</b>
    { $steps }

    Setting off like this?
trajectory-btn_confirm_route = ✅ Let's set off
trajectory-btn_add_step = ➕ Another step
trajectory-confirm_close = 🏁 Everything is in the notebook. Are you finishing the coaching together?
trajectory-btn_close = ✅ Yes, let's finish
trajectory-btn_not_yet = ↩️ Not yet
trajectory-not_yet = Fine, you keep going for a while.
trajectory-closing_due = 🏁 You've had all the conversations you agreed on. Time to wrap up with { $name }? You can do that next conversation with the 🏁 Wrap up button.
trajectory-closed_goes_on_coach = 🎉 <b>Done!</b> Your coaching of { $name } is finished. Thank you for all you put in! The other direction simply goes on: { $name } keeps coaching you. Your notebook stays yours: /journal.
trajectory-closed_goes_on_coachee = 🎉 <b>Done!</b> The coaching you got from { $name } is finished. Thank you for what you shared! The other direction simply goes on: you keep coaching { $name }. Your notebook stays yours: /journal.
trajectory-closed = 🎉 <b>Done!</b> Your coaching is finished. Thank you for your effort, and for what you shared with { $name }. Your notebook stays yours: /journal.
trajectory-closed_observed = 🎉 { $coach } and { $coachee } have finished their coaching. Thank you for watching along as the observer!
trajectory-match_closed = Your agreements are closed. That's it: great job! 🌟
trajectory-round_closed = 🌟 Your coordinator has closed this coaching round, so your coaching with { $names } is finished. Thank you for everything you did together: it counts! Your notebook stays yours (/journal). In a next round you'll get someone new.
trajectory-refused_contract_agreed = All agreements need to be settled first. Have a look at /contract.
trajectory-refused_goal_captured = First the coachee writes down the goal, in their own words.
trajectory-refused_goal_scaled = First the coachee gives a number from 0 to 10.
trajectory-refused_route_planned = The route needs at least one stage and one small step.
trajectory-refused_learning_captured = First the coachee writes down what they learned.
trajectory-refused_wrong_step = That doesn't fit the step you're in now. /talk shows where you are.
trajectory-refused_terminal = This coaching has already ended.
trajectory-refused_not_your_role = That's up to your partner, not you. 🙂
trajectory-refused_other = That doesn't work right now. /talk shows where you are.

## Writing things down

trajectory-prompt =
    ✏️ { $prompt }

    <i>Type your answer below.</i>
trajectory-prompt_scale = 📊 { $prompt }
trajectory-prompt_role = 🎭 { $prompt }
trajectory-prompt_date = 📅 When would you like to have taken this step?
trajectory-prompt_change_text = ✏️ What's your step now? Type the new words below.
trajectory-in_days_1 = Tomorrow ({ $day })
trajectory-in_days_3 = In 3 days ({ $day })
trajectory-in_days_7 = In a week ({ $day })
trajectory-in_days_14 = In 2 weeks ({ $day })
trajectory-btn_drop = ✖️ Never mind
trajectory-btn_skip = ⏭ Skip
trajectory-saved = ✅ It's in your notebook.
trajectory-dropped = Okay, nothing kept.
trajectory-use_buttons = A button works better here: tap one of the buttons below. 👇
trajectory-too_long_goal = Lovely story! Can you say your goal in one or two sentences? { $limit } characters at most.
trajectory-too_long_note = That's a lot! Could you say it a bit shorter? { $limit } characters at most.
trajectory-too_long_step = A small step fits in one sentence: { $limit } characters at most. Want to try again?
trajectory-capture_refused = I can't keep that now: you've moved on to another step. /talk shows where you are.
trajectory-coach_compliment_prompt = 💐 Which compliment do you give { $name }? What do you appreciate?
trajectory-compliment_from =
    💐 <b>{ $name }</b> gives you a compliment:
    { $text }
trajectory-shared_note =
    📝 <b>{ $name }</b> wrote down · <i>{ $label }</i>
    { $text }
trajectory-shared_scale = 📊 <b>{ $name }</b> is now at <b>{ $text }</b> out of 10.
trajectory-role_asked = 🎭 Today { $name } would like you to be mostly <b>{ $role }</b>.

## Small steps

trajectory-steps =
    🌱 <b>Your small steps</b>
    { $lines }
trajectory-steps_hint = Tap ✅ when it worked, ✏️ to change something, 🗑 to drop a step.
trajectory-steps_none = You don't have any small steps yet. You make them with your coach when planning the route. 🗺
trajectory-step_line = { $mark } { $number }. { $text } <i>({ $due })</i>
trajectory-change_what = What would you like to change?
trajectory-btn_change_text = ✏️ The words
trajectory-btn_change_date = 📅 The date
trajectory-small_done = 🎉 Great, step taken: { $step }
trajectory-small_dropped = Okay, you're dropping this step: { $step }. That's a choice too.
trajectory-small_changed = ✏️ Changed: { $step }
trajectory-coach_small_done = 🎉 { $name } took a step: { $step }
trajectory-coach_small_dropped = ➖ { $name } dropped a step: { $step }
trajectory-coach_small_changed = ✏️ { $name } changed a step: { $step }
trajectory-step_unchanged = I can't change that step now. Maybe it already was like that, or you're in another step.
trajectory-btn_step_done = ✅ Done
trajectory-btn_step_change = ✏️ Change
trajectory-btn_step_drop = 🗑 Drop it
trajectory-nudge = 🌱 How did your step <b>{ $step }</b> go? No stress: adjusting is fine too.

## Journal

trajectory-journal_mine = 📓 <b>Your notebook</b> (your coach: { $coach })
trajectory-journal_coachee = 📓 <b>{ $name }'s notebook</b> (you're the coach)
trajectory-journal_coachee_ended = 📓 Your coaching with { $name } has ended, so the notebook belongs to { $name } alone again. Your own roles and reflections are still in /log.
trajectory-journal_step = { $emoji } Now: <b>{ $step }</b>
trajectory-journal_goal =
    🎯 <b>Goal</b>
    { $goal }
trajectory-journal_scales =
    📊 <b>Numbers</b>
    { $scales }
trajectory-journal_stages =
    🚩 <b>Stages</b>
    { $stages }
trajectory-journal_steps =
    🌱 <b>Small steps</b>
    { $steps }
trajectory-journal_notes =
    📝 <b>Notes</b>
    { $notes }
trajectory-journal_note = <i>{ $label }</i>: { $text }
trajectory-journal_meetings =
    💬 <b>Conversations</b>
    { $dates }
trajectory-journal_none_goal = no goal yet
trajectory-journal_none_scales = no score yet
trajectory-journal_none_stages = no stages yet
trajectory-journal_none_steps = no small steps yet
trajectory-journal_none_notes = nothing written down yet
trajectory-journal_none_meetings = no conversations yet
trajectory-journal_next = 📅 Next conversation: { $when }
trajectory-journal_style = 🪞 <b>Your coaching style</b> ({ $count ->
        [one] { $count } reflection
       *[other] { $count } reflections
    }): { $roles }
trajectory-goal_none = You haven't written down a goal yet. You'll do that with your coach in the step ‘Your goal’. 🎯
trajectory-goal_now =
    🎯 <b>Your goal</b>
    { $goal }

    📊 You're at <b>{ $scale }</b> out of 10.
trajectory-goal_only =
    🎯 <b>Your goal</b>
    { $goal }

## Contract

trajectory-contract_intro =
    📝 <b>Your agreements</b>
    { $intro }
trajectory-contract_item =
    📝 <b>Agreement { $number } of { $count }</b>
    { $question }
trajectory-contract_whole =
    📝 <b>All agreements at a glance</b>
    This is how most pairs do it. Does it suit { $people ->
        [2] you both
       *[other] all of you
    }? Then one tap and you're done. Want something different? Change one agreement.

    { $lines }
trajectory-contract_whole_proposed = 💬 <i>{ $label }</i>: { $value } ({ $name }'s idea)
trajectory-contract_whole_you_agreed = ✔️ You agreed to all of it. As soon as everyone has, your agreements are set.
trajectory-contract_whole_others_agreed = ✔️ { $names } already { $count ->
        [one] agreed
       *[other] all agreed
    } to all of it.
trajectory-btn_agree_all = ✅ Agree to all
trajectory-btn_change_one = ✏️ Change one
trajectory-contract_all_waiting = ✔️ Got it, you agree to all of it. As soon as everyone has, your agreements are set.
trajectory-contract_proposed = 💬 { $name } suggests: <b>{ $value }</b>
trajectory-contract_default_agreed = ▫️ The usual suggestion: <b>{ $value }</b>. { $name } is happy with it.
trajectory-contract_you_chose = ✔️ You chose: <b>{ $value }</b>. Once everyone agrees, it stands.
trajectory-contract_sent = ✔️ Your suggestion has been passed on: <b>{ $value }</b>. Once everyone agrees, it stands.
trajectory-contract_type =
    ✏️ { $question }

    <i>Type your own suggestion below.</i>
trajectory-contract_agreed = 🤝 Agreed · <i>{ $label }</i>: { $value }
trajectory-contract_needs_number = Name a number of conversations between 1 and 30, for example ‘5 conversations’.
trajectory-contract_too_long = Could you say it a bit shorter? One sentence is enough.
trajectory-contract_head = 📝 <b>Your agreements</b>
trajectory-contract_head_accept = 📝 <b>All agreements are settled!</b> Shall we agree on it like this?
trajectory-contract_head_revisit = 📝 <b>Your agreements so far</b>
trajectory-contract_line = { $mark } <i>{ $label }</i>: { $value }
trajectory-contract_line_open = ⬜ <i>{ $label }</i>: still open
trajectory-btn_accept_contract = ✅ Agreed, let's do it
trajectory-btn_adjust = ✏️ Change something
trajectory-contract_waiting = ✔️ Noted! As soon as everyone agrees, we go on.
trajectory-contract_not_ready = Not all agreements are settled yet. Have a look at /contract.
trajectory-contract_done = 🎉 <b>Your agreements are set!</b> /contract shows them any time.
trajectory-contract_later = You make the agreements after getting to know each other.
trajectory-contract_closed = 🏁 You closed these agreements together on { $day }.
trajectory-contract_ended = This pairing has stopped, so these agreements no longer apply.
trajectory-contract_standing = These agreements hold. Halfway through the conversations you'll look at them together again.
trajectory-contract_which = Which agreement would you like to change?
trajectory-revisit_intro =
    🔁 <b>Halfway!</b>
    { $intro }
trajectory-revisit_done = 🤝 Your agreements stay as they are. On to the second half!
trajectory-item_period = Period
trajectory-item_conversations = Number of conversations
trajectory-item_rhythm = How often
trajectory-item_channel = Where
trajectory-item_confidentiality = What stays between us
trajectory-item_coach_scope = What the coach does
trajectory-item_feedback = Feedback
trajectory-item_no_show = If someone isn't there

## Click check and endings

trajectory-click_question = 🤔 { $question }
trajectory-click_already = You've already answered this question. Thanks!
trajectory-click_matched = 🎉 { $text }
trajectory-dissolved_no_click = 💛 { $text }
trajectory-dissolved_partner_left = 💛 { $name } is stopping the coaching. That's not because of you! Your coordinator will find you a new partner.
trajectory-dissolved_partner_gone = 💛 Your coaching partner has stopped using PeerCoach. That's not because of you! Your coordinator will find you a new partner.
trajectory-dissolved_unreachable = 💛 I can't reach { $name } anymore. What a pity! Your coordinator will find you a new partner.
trajectory-dissolved_coordinator_ended = 💛 Your coordinator has ended your pairing. Nobody did anything wrong; you'll hear soon how things go on.
trajectory-dissolved_round_ended = 🌟 This coaching round has come to an end. Thank you for everything you did together! Your notebook stays yours (/journal), and you'll get a new partner in the next round.
trajectory-you_left = Okay, you've stopped this coaching. Thanks for everything you did! Your notebook stays yours: /journal.
trajectory-leave_confirm = Do you really want to stop this coaching? Your partner will hear that you're stopping, and the coordinator will find them a new partner.
trajectory-btn_leave_yes = Yes, I'm stopping
trajectory-btn_leave_no = No, I'll continue
trajectory-stay = Great, you carry on! 💪

## Planning and reminders

trajectory-plan_day = 📅 When is your next conversation? Pick a day.
trajectory-plan_time = 📅 { $day }: what time?
trajectory-btn_other_day = ↩️ Another day
trajectory-planned = 📅 Planned: <b>{ $when }</b>. I'll remind { $people ->
        [2] you both
       *[other] all of you
    } the day before and an hour ahead.
trajectory-planned_by = 📅 { $name } planned your next conversation: <b>{ $when }</b>. Doesn't suit you? Plan another moment with /plan.
trajectory-reminder_day_before = ⏰ Tomorrow is your coaching conversation: <b>{ $when }</b>. See you then!
trajectory-reminder_hour_before = ⏰ Your coaching conversation is in an hour: <b>{ $when }</b>. Then tap ▶️ via /talk.
trajectory-met_question = 💬 Did you talk to each other ({ $when })?
trajectory-btn_met_yes = ✅ Yes
trajectory-btn_met_no = ❌ No, it didn't work out
trajectory-met_already = This has already been answered. Thanks!
trajectory-met_yes = ✔️ { $name } let me know you talked. Great!
trajectory-met_no = ✔️ { $name } let me know the conversation didn't happen. No problem: feel free to plan a new moment.

## Reflection and observation

trajectory-reflect_offer = 🪞 { $intro }
trajectory-btn_reflect = 🪞 Look back
trajectory-btn_later = Not now
trajectory-later = Okay, another time.
trajectory-tension =
    { $prompt }

    <b>{ $number }/{ $count }</b>: 1 = { $left } · 5 = { $right }
trajectory-reflect_question =
    { $intro }

    🪞 <b>Question { $number } of { $count }</b>
    { $question }
trajectory-reflect_saved = ✅ Thank you! Your reflection is in your coach log. That's how you see your style grow: read it back with /log.
trajectory-reflect_done_before = You've already reflected on this conversation. Thanks!
trajectory-observe_offer =
    👀 { $intro }
    Your feedback goes to { $coach }.
trajectory-btn_observe = ✍️ Give feedback
trajectory-reflect_cancelled = Okay, stopped. Your look back wasn't saved. Still want to look back? Tap below to start again.
trajectory-observe_cancelled = Okay, stopped. Your feedback wasn't saved and { $coach } hasn't received anything. Still want to give it? Tap below to start again.
trajectory-observe_empty = You skipped everything, so no feedback goes to the coach. That's fine too!
trajectory-observe_saved = ✅ Thank you! Your feedback has been sent to { $coach }.
trajectory-feedback_from = 👀 <b>Feedback from { $name }</b> (observer)
trajectory-feedback_line =
    <i>{ $question }</i>
    { $answer }

## A cohort's own script

trajectory-script_not_allowed = Only coordinators can set their own coaching script.
trajectory-script_pick_cohort = Which group is the script for?
trajectory-script_language = 📜 Own script for <b>{ $cohort }</b>. In which language?
trajectory-script_send =
    📜 Now send me the script for <b>{ $cohort }</b> as a file (.toml).

    Put in what you'd like to change, for example <code>[goal.coach.themes.dream]</code>. Whatever you leave out stays as in the default script. /cancel to stop.
trajectory-btn_script_reset = ↩️ Back to the default script
trajectory-script_file_please = Please send the script as a file (a document), not as text. /cancel to stop.
trajectory-script_too_big = That file is too big for a script. Keep it under 64 kB.
trajectory-script_unreadable = I couldn't read that file. Is it a text file (UTF-8)? Feel free to try again.
trajectory-script_invalid =
    ⚠️ The script isn't right yet:
    <pre>{ $problems }</pre>
    Fix it and send it again.
trajectory-script_saved = ✅ The script is saved. New cards in this group use it straight away.
trajectory-script_reset = ↩️ { $cohort } uses the default script again.

## Someone who had their data erased

trajectory-former_partner = a former partner
