### Group sessions, English: the bot's own room texts (rooms-*) and the session texts (room-*).
### Keys are the dotted keys of the code with hyphens for dots; keys and $variables must match nl/.
### Messages are Telegram HTML (the bot escapes the variables); button labels are plain text.

## The bot's own room texts: linking a group, setting up, handing out roles

rooms-hello = Hi everyone! 👋 I'm PeerCoach. Here you can explore someone's situation together. Teacher: type /room to link this group to your class and start a session.
rooms-join_first = { $name }, want to take part? First open a private chat with me ({ $link }) and join with your class link. Then you can hop in here straight away.
rooms-teachers_only = Only a teacher can start a group session. Want to take part? Wait until your teacher starts one. 🙂
rooms-cohort_teachers_only = This group belongs to <b>{ $cohort }</b>. Only that class's teachers can start a session here.
rooms-in_private =
    Group sessions happen in your class's Telegram group. A teacher adds me there with this link: { $startgroup }
    and then types /room in the group.
rooms-pick_cohort = Which class does this group belong to?
rooms-linked = 🔗 This group now belongs to <b>{ $cohort }</b>.
rooms-pick_protocol = Which format shall we use today?
rooms-setup =
    <b>{ $protocol }</b> ({ $minutes } min in all)
    { $steps }

    Adjust the times with ➖ and ➕ if you like, then open the session.
rooms-setup_step = { $number }. { $title }: { $minutes } min
rooms-shorter = ➖ { $number }
rooms-longer = ➕ { $number }
rooms-open = ✅ Open the session
rooms-other_protocol = ↩️ Another format
rooms-only_teacher_button = This button is for the teacher.
rooms-hand_out_roles = 🧑‍🏫 Hand out roles
rooms-roles_card = Who gets which role? 🎤 brings a situation, 🧭 leads the conversation, ⏱ keeps time. Tap a name to hand out the role.
rooms-as_case_holder = 🎤 { $name }
rooms-as_facilitator = 🧭 { $name }
rooms-as_timekeeper = ⏱ { $name }
rooms-lead_myself = 🧭 I'll lead myself
rooms-reply_hint = 💬 Reply to this message to add your contribution.
rooms-private_hint = ✉️ Send me your contribution privately. I'll show them all at once.
rooms-shared = ✅ It's in the group now, thanks!
rooms-turn_hint = ↩️ In the group, reply to one of my messages. Or simply send it to me here.
rooms-relayed = 💬 <b>{ $name }</b>: { $text }

## The session (flows/room/texts.py lists these keys): announcements in the group

room-announce-created =
    🪑 { $teacher } is starting a group session: <b>{ $protocol }</b> (about { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }).
    { $description }
    Want to join? Tap ‘I'm in’.
room-announce-duration_changed = ⏱ ‘{ $title }’ now takes { $minutes } min.
room-announce-roles_open = Time for roles. Who would like to bring a situation today? And who will keep an eye on the time?
room-announce-roles_open_no_case = Time for roles. Who would like to keep an eye on the time?
room-announce-role_case_holder = 🙌 { $name } is bringing a situation today. Thank you!
room-announce-role_facilitator = 🧭 { $name } is leading the conversation.
room-announce-role_timekeeper = ⏱ { $name } is keeping time.
room-announce-started = Let's begin! { $case_holder } brings the situation and { $facilitator } leads the conversation. What's shared here stays in this group.
room-announce-started_no_case = Let's begin! { $facilitator } leads the conversation. What's shared here stays in this group.
room-announce-step =
    <b>Step { $number } of { $count }: { $title }</b> ({ $minutes } min)
    { $instruction }
room-announce-back = ↩️ We're going back to step { $number }: <b>{ $title }</b>. You have { $minutes } min left.
room-announce-turn_order = We'll go round: { $order }. { $first } starts. Nothing to add right now? You can pass.
room-announce-collect_privately = ✉️ Send me your contribution for ‘{ $title }’ privately. As soon as everyone has sent something or passed, I'll show it all at once.
room-announce-everyone_passed = Everyone passed on ‘{ $title }’. Looks like enough has been said: on to the next step.
room-announce-warning = ⏳ One minute left for ‘{ $title }’.
room-announce-paused = ⏸ { $name } has paused the session. The clock is stopped.
room-announce-resumed = ▶️ We're carrying on with ‘{ $title }’. { $minutes } min left.
room-announce-extended = ⏱ { $name } added { $minutes } min. { $left } min left for this step.
room-announce-member_left = { $name } has left. We carry on together.
room-announce-facilitator_left = { $name } has left; { $new } leads the conversation from here.
room-announce-facilitator_gone = { $name } was leading the conversation but has left. Who will take over? Offer yourself in the roles.
room-announce-case_holder_left = { $name } has left. Since it's about the situation of { $name }, the session is paused for now. The facilitator decides how we go on.
room-announce-case_holder_back = Welcome back, { $name }! The facilitator can let the session carry on.
room-announce-closed_completed =
    🎉 Done! { $count ->
        [one] You spent { $minutes ->
            [one] { $minutes } minute
           *[other] { $minutes } minutes
        } thinking it through.
       *[other] { $count } of you spent { $minutes ->
            [one] { $minutes } minute
           *[other] { $minutes } minutes
        } thinking together.
    } Thank you for your questions, ideas and attention.
room-announce-closed_ended = { $name } has closed the session. Thanks for taking part!
room-announce-closed_auto = This session had been quiet for a while, so I closed it. You can always start a new one.
room-announce-closed_everyone_left = Everyone has gone, so I closed the session.
room-announce-summary_sent = 📝 { $name }, I'm sending you a private summary with your situation, the questions and the ideas.

## Private prompts

room-prompt-your_turn = It's your turn for ‘{ $title }’. Write your contribution in the group, or pass if nothing comes to mind right now.
room-prompt-write_privately = Send your contribution for ‘{ $title }’ here. Nobody sees it until I show them all at once.
room-prompt-received =
    Got it, thank you! { $count ->
        [one] { $count } of { $expected } is in.
       *[other] { $count } of { $expected } are in.
    }
room-prompt-choose_step = Which idea would you like to try? Pick one below, or write your own mix in the group for ‘{ $title }’.
room-prompt-step_chosen = Noted as your step: { $text }
room-prompt-confirm_back = Go back to step { $number }, ‘{ $title }’? Everything said so far is kept.
room-prompt-case_holder_silent = { $name } is still quiet in ‘{ $title }’. What would you like to do: give a bit more time, go on to the next step, or close the session?
room-prompt-nudge_case_holder = No rush. For ‘{ $title }’, just share what's on your mind; a few words are fine too.
room-prompt-case_holder_left = { $name } has left the group and the session is paused. Will you carry on without a case-holder, or close? { $name } gets the summary either way.

## Refusals (also answers to a pressed button: plain text)

room-refuse-already_open = There's already a session running in this group ({ $protocol }). { $name } can close it with the ‘Close’ button under the status message; then you can start a new one.
room-refuse-unknown_protocol = I don't know that format ({ $protocol }). Please pick one from the list.
room-refuse-unknown_step = That step isn't part of this format ({ $step }).
room-refuse-bad_duration = A step lasts at least { $min } and at most { $max } minutes.
room-refuse-closed = This session has already ended.
room-refuse-paused = The session is paused. Hang on until the facilitator carries on.
room-refuse-already_started = The session has already started.
room-refuse-roles_first = Let's choose the roles first, then we'll begin.
room-refuse-not_started = The session hasn't started yet.
room-refuse-not_now = That isn't possible right now.
room-refuse-only_facilitator = That's up to the facilitator ({ $name }).
room-refuse-only_teacher = The teacher ({ $name }) hands out roles.
room-refuse-only_case_holder = That's for the case-holder ({ $name }) to choose.
room-refuse-not_enough_members = We need at least { $min } participants; right now there are { $count }.
room-refuse-need_case_holder = There's no case-holder yet. Who would like to bring a situation?
room-refuse-need_facilitator = There's no facilitator yet. Who would like to lead the conversation?
room-refuse-first_step = This is the first step; there's nothing to go back to.
room-refuse-already_member = You're already in. 👍
room-refuse-not_member = Join first with the ‘I'm in’ button.
room-refuse-not_a_member = { $name } hasn't joined this session yet.
room-refuse-no_case_holder_here = This format has no case-holder.
room-refuse-case_holder_fixed = Once the session is running, the case-holder stays the same.
room-refuse-role_taken = { $name } already has that role.
room-refuse-not_text = I can't keep stickers, photos or voice messages. Could you type it in a few words?
room-refuse-empty = I don't see any text yet. Go ahead and type your contribution.
room-refuse-too_long = That's a bit long for one contribution. Could you fit it in { $max } characters?
room-refuse-scale_number = Start with a number from { $min } to { $max }, for example: ‘6, because …’.
room-refuse-share_in_group = We do this step together in the group. Please write your contribution there.
room-refuse-case_holder_speaks = { $name } has the floor right now. Your moment is coming.
room-refuse-facilitator_speaks = In this step { $name } asks the questions. Watch along and remember what strikes you.
room-refuse-case_holder_listens = You're listening for now. You'll get room to respond soon.
room-refuse-not_your_turn = It's { $name }'s turn now. Yours is coming too.
room-refuse-no_turns = We don't take turns in this step.
room-refuse-already_handed_in = You've already sent your contribution.
room-refuse-nothing_to_reveal = There's nothing to show yet.
room-refuse-back_expired = That request to go back has expired. Tap ‘Back’ again if you still want to.
room-refuse-extend_range = You can add { $min } to { $max } minutes.
room-refuse-no_such_idea = I can't find that idea. Please pick one from the list.

## Contributions revealed at once

room-reveal-heading = ✉️ <b>{ $title }</b>: here's what you sent ({ $count })
room-reveal-item = • { $name }: { $text }

## The case-holder's summary

room-summary-title = 📝 <b>Your summary: { $protocol }</b>
room-summary-item = • { $name }: { $text }
room-summary-chosen_step = <b>Your step:</b> { $text }
room-summary-no_chosen_step = You haven't picked a step yet. Which small step would suit you?
room-summary-closing = Thank you for sharing your situation. Good luck with your step; your group is thinking along with you. 💪

## Summary sections

room-summary-section-case = <b>Your situation</b>
room-summary-section-question = <b>Questions</b>
room-summary-section-analysis = <b>What the group noticed</b>
room-summary-section-idea = <b>Ideas</b>
room-summary-section-affirmation = <b>What they found strong</b>
room-summary-section-reflection = <b>Reflections</b>
room-summary-section-scale = <b>Your score</b>

## The teacher's report

room-report-teacher = 📋 Group session <b>{ $protocol }</b>: { $minutes } min, { $count ->
        [one] { $count } participant
       *[other] { $count } participants
    } ({ $names }). What was said stays with the group.

## Why the session closed

room-report-reason-completed = All steps were completed.
room-report-reason-ended = The session was closed early.
room-report-reason-auto_closed = The session went quiet and closed by itself.
room-report-reason-bot_removed = I was removed from the group, so the session stopped.
room-report-reason-everyone_left = Everyone had left the group.

## The status message

room-status-title = <b>{ $protocol }</b>
room-status-gathering = Who's joining? Tap ‘I'm in’. (about { $minutes } min)
room-status-roles = Choosing roles.
room-status-running = We're under way.
room-status-paused = ⏸ Taking a short break.
room-status-closed = Finished. Thank you all!
room-status-step = Step { $number }/{ $count }: { $title }
room-status-turn = 👉 Turn: { $name }
room-status-handed_in = ✉️ In: { $count } of { $expected }
room-status-time_left = ⏳ { $minutes } min left
room-status-paused_left = ⏳ { $minutes } min left when we carry on
room-status-case_holder = Case-holder: { $name }
room-status-facilitator = Facilitator: { $name }
room-status-timekeeper = Timekeeper: { $name }
room-status-members = { $count ->
    [0] Nobody has joined yet.
   *[other] Participants ({ $count }): { $names }
}

## Who speaks in a step

room-who-case_holder = 🎤 The case-holder speaks.
room-who-each_in_turn = 🔁 One at a time.
room-who-everyone = 💬 Everyone can join in.
room-who-nobody_but_case_holder_listens = 👂 The team talks, the case-holder listens.
room-who-facilitator = 🧭 The facilitator asks the questions.

## Buttons (plain text, at most 24 characters)

room-action-join = 🙋 I'm in
room-action-leave = I'm leaving
room-action-open_roles = Choose roles
room-action-volunteer_case_holder = I'll bring a situation
room-action-volunteer_facilitator = I'll lead
room-action-volunteer_timekeeper = I'll keep time
room-action-start = ▶️ Begin
room-action-pass = I pass
room-action-reveal = ✉️ Show them
room-action-next = ⏭ Next step
room-action-back = ↩️ Back
room-action-confirm_back = Yes, go back
room-action-cancel_back = No, stay here
room-action-pause = ⏸ Pause
room-action-resume = ▶️ Carry on
room-action-extend = ⏱ More time
room-action-end = Close
room-action-choose_step = This is my step
