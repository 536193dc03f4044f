### Safety, English: the worry route, the confidant, help lines, serious words.
### Keep keys and $variables equal to nl/. Messages are Telegram HTML; buttons plain text.

## Buttons

safety-btn_worried = 🫶 I'm worried
safety-btn_about_me = 🙋 About myself
safety-btn_about_partner = 🤝 About my coaching partner
safety-btn_ask = 💬 Yes, let { $name } know
safety-btn_no = 🙅 No, pass nothing on
safety-btn_write = ✍️ Write to { $name }
safety-btn_answer = ↩️ Answer { $name }
safety-btn_close = ✔️ Close the conversation

## /help

safety-help_student = 🫶 Something on your mind, about yourself or your coaching partner? Tap the button or send /worried. Your confidant: { $names }.
safety-help_student_none = 🫶 Something on your mind? Tap the button or send /worried: you'll see straight away whom you can call. Your group has no confidant yet.
safety-help_missing = ⚠️ <b>{ $cohorts }</b>: no confidant yet. Students who are worried then only see the help lines. Send /links and give the confidant's link to your school's confidential adviser or care coordinator.

## The worry route

safety-lines_intro =
    🫶 Good that you say so. You can reach these right now, for free, and you don't have to give your name:

    { $lines }

    What are you worried about?
safety-nudge =
    🫶 Only you see this. What you just wrote sounds heavy. Your message arrived as usual, and I'm telling nobody about this.

    Would you like to talk about it? You can reach these right now:

    { $lines }

    Is it about yourself or about your coaching partner?
safety-nudge_plain =
    🫶 Only you see this. What you just wrote sounds heavy. I'm telling nobody about it.

    Would you like to talk about it? You can reach these right now:

    { $lines }

    Is it about yourself or about your coaching partner?
safety-lines_before_joining =
    🫶 Good that you say so. You can reach these right now, for free, and you don't have to give your name:

    { $lines }

    Once you've joined with your school's link, /worried can also put you in touch with your school's confidant.
safety-line = 📞 <b>{ $name }</b>: { $number }, { $what }
safety-line_emergency = in danger right now, for you or for someone else
safety-line_suicide = if you're thinking about suicide, or worried about someone who is
safety-line_children = for children and young people, about anything that bothers you
safety-offer_one =
    You can also talk with { $name }, your group's confidant. { $name } then only hears that you'd like to talk: your first name, your group and when. What about is for you to tell, if you want to.

    Shall I let { $name } know you'd like to talk?
safety-offer_choose =
    You can also talk with a confidant of your group: { $names }. They only hear that you'd like to talk: your first name, your group and when. What about is for you to tell, if you want to.

    Whom would you like to talk with?
safety-offer_none = Your group has no confidant yet. The help lines above are there for you. You can also tell an adult you trust: your mentor, a parent, your doctor.
safety-partner_script =
    Worried about { $name }? Good that you take it seriously. You don't have to fix it; you can help { $name } find help. Ask { $name } first, in your own words:

    1. Say what you notice, without judging: "I notice you're not doing so well."
    2. Ask whether { $name } would like to talk with an adult about it, such as the confidant.
    3. Does { $name } say yes? Then { $name } can tap 🫶 themself, or you find someone together.
    4. Does { $name } say no? That's okay. Say you're there for them.

    Is someone in danger right now? Call 112 and tell an adult straight away. That is not betrayal.

    About your own worry you can always talk with the confidant, even without naming { $name }.
safety-partner_unknown = your partner
safety-asked = ✅ { $name } now knows you'd like to talk and will answer here, through me. I don't keep what you write to each other. I tell nobody else: no teacher, no coordinator, not your partner. Would you like to write something first? You can.
safety-already_asked = { $name } already knows you'd like to talk and will answer here. Would you like to write something first? You can.
safety-declined = Okay, I'm passing nothing on. The help lines stay above, and /worried is always there.
safety-unreachable = I can't reach { $name } right now. That's not your fault. The help lines above are there for you, right away.

## The talk with the confidant

safety-request =
    🫶 <b>{ $student }</b> from { $cohort } would like to talk with you (asked on { $when }).

    What about, I don't know: that's for { $student } to tell, if they want to. I pass on what you write to each other here and keep none of it.
safety-line_open = ✍️ What you type now goes to { $name }, exactly as you write it. I don't keep it. Done? Send /cancel.
safety-from_confidant = 🫶 <b>{ $name }</b> (confidant): { $text }
safety-from_student = 🫶 <b>{ $name }</b> ({ $cohort }): { $text }
safety-text_only = In this conversation I only pass on text. Go ahead and type what you'd like to say.
safety-closed = The conversation with { $name } is closed. Want to talk again later? /worried is always there.
safety-talk_over = This conversation is closed. With /worried you can ask to talk again.
safety-closed_confidant = The conversation with { $name } is closed.
safety-sent_to = ✓ Sent to { $name }.

## The confidentiality pledge

safety-btn_pledge = 🤝 I promise
safety-btn_pledge_no = 🙅 Not for me
safety-btn_pledge_after_all = 🤝 I'll promise after all
safety-pledge =
    🤝 <b>Before you write to each other: our promise</b>

    • What we say here stays between us.
    • No screenshots, no forwarding.
    • One limit: if someone is in danger, we tell an adult we trust. The person it's about hears it first.
    • { $confidant }

    Do you promise?
safety-pledge_confidant = That adult is { $names }, your group's confidant.
safety-pledge_no_confidant = Your group has no confidant yet; then it's your mentor or a teacher you trust.
safety-pledge_not_sent = Your message wasn't passed on yet: the promise comes first. I didn't keep it, so just send it again afterwards.
safety-pledge_waiting = Your message wasn't passed on yet: { $names } hasn't made the promise yet. I didn't keep it; just send it again in a moment.
safety-pledge_thanks = Thank you! As soon as { $names } promises too, your messages go through.
safety-pledge_all = 🤝 Everyone has promised. What you type now, I pass on.
safety-pledge_declined = Okay, that's your choice. Without the promise I don't pass messages on between you. Changed your mind? Tap the button.
safety-pledge_line = 🤝 Confidentiality pledge: { $names }
safety-pledge_pool =
    🤝 <b>Before you're paired: our promise</b>

    • What your coaching partner and you say stays between the two of you.
    • No screenshots, no forwarding.
    • One limit: if someone is in danger, we tell an adult we trust. Whoever it's about hears it first.
    • { $confidant }

    Do you promise?
safety-pledge_pool_thanks = Thanks for your promise! 🤝
safety-pledge_pool_declined = OK, that's your choice. Without the promise I won't pair you yet. Change your mind? Tap the button.
