### Breakouts, English: the class in small groups, relayed through private chats.
### Keys are the code's keys with dashes for dots; keep keys and $variables the same as in nl/.
### Messages are Telegram HTML (the bot escapes the variables); buttons are plain text.

## The bot's own texts: starting breakouts in the class group

breakouts-in_private =
    Small groups start in your class's Telegram group. Add me there with this link: { $startgroup }
    and then type /breakout in the group.
breakouts-in_private_student = Your teacher makes small groups in your class's Telegram group. Once they start, tap ‘🙋 I'm in’ there; then you talk with your group here.
breakouts-link_first = First link this group to your class with /room. Then you can make small groups here with /breakout.
breakouts-already_open = Groups are already running here. Wrap those up first, then a new round can start.
breakouts-pick_protocol = 👥 Small groups! Which way of working will the groups use?
breakouts-pick_size = <b>{ $protocol }</b> in small groups. How big should the groups be?
breakouts-size = Groups of { $size }

## The card in the class group

breakout-card-gathering =
    👥 <b>{ $protocol }</b> in groups of { $size }
    I make the groups, and you talk to each other through your private chat with me.
    Taking part ({ $count }): { $names }
breakout-card-running =
    👥 <b>{ $protocol }</b>: { $groups } groups at work.
    All at step { $number } of { $count }: { $title }
breakout-card-consent = 👥 <b>{ $protocol }</b>: the { $groups } groups are done. Just asking if they want to share something with the class…
breakout-card-closed = 👥 <b>{ $protocol }</b>: done! Thanks, all { $groups } groups.
breakout-action-join = 🙋 I'm in
breakout-action-start = 👥 Make groups
breakout-action-cancel = ✖️ Not now
breakout-card-cancelled = 👥 <b>{ $protocol }</b> in groups of { $size }: not happening this time.
breakout-action-next = ⏭ Next step (all groups)
breakout-action-end = ⏹ Wrap up

## Posts in the class group

breakout-groups-heading = 👥 Here are the { $count } groups! Check your private chat with me, that's where it goes on.
breakout-groups-line = Group { $number }: { $names }
breakout-class-asking = 🙏 Done! I'm just asking { $count ->
        [one] the case-giver
       *[other] the { $count } case-givers
    } whether something may be shared with the class.
breakout-class-summaries = 📋 How it went in the { $count } groups:
breakout-class-shared = • Group { $number } ({ $names }): { $questions ->
        [one] 1 question
       *[other] { $questions } questions
    } and { $ideas ->
        [one] 1 idea
       *[other] { $ideas } ideas
    }.
breakout-class-step = ↳ The step the case-giver will try: { $text }
breakout-class-kept = • Group { $number } ({ $names }): that stays in the group. 🤫
breakout-class-closing = Nice work, everyone! 🌱

## Private texts for the members

breakout-card-with_case =
    👥 You are in <b>group { $number }</b>: { $names }.
    { $case_giver } brings a situation. What you type here, I pass on to your group, and their messages arrive here.
breakout-card-no_case =
    👥 You are in <b>group { $number }</b>: { $names }.
    What you type here, I pass on to your group, and their messages arrive here.
breakout-prompt-your_turn = It's your turn for ‘{ $title }’. Type your contribution here and I'll pass it on to your group. Nothing right now? Then you can pass.
breakout-prompt-choose_step = Which idea would you like to try? Pick one below, or type your own mix here for ‘{ $title }’.
breakout-hint-write_here = ✍️ Just type it here, I'll pass it on to your group.
breakout-consent-ask = Thanks for bringing your situation! May I show the class a short note about group { $number }? This is what the class would read, nothing more:
breakout-consent-yes = ✅ Yes, that's fine
breakout-consent-no = 🤫 No, rather not
breakout-consent-thanks_yes = Great, I'll share it briefly with the class. 🙌
breakout-consent-thanks_no = Fine, it stays in your group. 👍

breakout-report-teacher = 👥 Small groups with <b>{ $protocol }</b>: { $groups } groups, { $count } students, { $minutes } min. Short note shared with the class: { $shared } of { $groups }.

## Refusals (also shown as a short answer to a pressed button: no HTML)

breakout-refuse-only_teacher = Only { $name }, the teacher, can do that.
breakout-refuse-already_open = Groups are already running here.
breakout-refuse-size = Pick groups of { $min } to { $max }.
breakout-refuse-under_way = The groups have been made already.
breakout-refuse-already_in = You're in already!
breakout-refuse-teacher_joins = As the teacher you lead all groups, so you don't need to join.
breakout-refuse-too_few = There are too few people yet for groups of { $size }.
breakout-refuse-not_running = The groups are not at work right now.
breakout-refuse-consent_over = This question is closed already.
breakout-refuse-blocked = I can't message you privately right now, and that's where your group talks. Open our chat, tap Start or Unblock, then tap ‘I'm in’ again.
breakout-cancel_goes_on = Your group carries on; /cancel doesn't stop it. Nothing to say right now? Tap ‘I pass’ when it's your turn, or just wait. { $teacher } wraps up the groups.
