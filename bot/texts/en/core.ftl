### Core texts, English: language, start, welcome, help, roles, cohorts, commands.
### Keys are the dotted keys of the code with hyphens for dots; keys and $variables must match nl/.
### Messages are Telegram HTML (the bot escapes the variables); button labels are plain text.

## Choosing a language

language-choose =
    Hi! 👋 Which language would you like to use?
    Hoi! In welke taal wil je met me praten?
language-chosen = Great, we'll talk in English. 🇬🇧
language-button_nl = 🇳🇱 Nederlands
language-button_en = 🇬🇧 English

## Start links

start-missing =
    Hi! 👋 I'm PeerCoach. Here, students coach each other.

    To join, you need an invitation link from your coordinator or teacher. Tap that link and we'll get going right away.
start-unknown = I don't recognise that link. Maybe part of it got lost when copying? Feel free to ask your coordinator or teacher for a new one.
start-revoked = This link has been withdrawn, so it no longer works. Your coordinator can give you a new one.
start-expired = This link has expired. Ask your coordinator for a new one: it works straight away.
start-used = This link has already been used. Links for teachers and coordinators work only once. Feel free to ask for a new one.
start-already_member = You're already in <b>{ $cohort }</b> as { $role }. /help shows what you can do.
start-finish_first = We were still getting to know each other. First pick your language or read the privacy note above, then we'll carry on.

## Welcome, per role

welcome-student =
    Welcome to <b>{ $cohort }</b>, { $name }! 🎉

    You're taking part as a student. Soon you'll get a classmate as your coaching partner: you'll help each other reach your own goals, one step at a time.

    /help always shows what you can do.
welcome-teacher =
    Welcome to <b>{ $cohort }</b>, { $name }! 🎉

    You're taking part as a teacher. You can follow your students and guide group coaching in a class group. What they tell each other stays theirs: you see how far they are.

    /help shows what you can do.
welcome-confidant =
    Welcome to <b>{ $cohort }</b>, { $name }! 🎉

    You're this group's confidant. When a student would like to talk with you, you'll get a message here: only who, from which group and when. You write to each other through me, and I keep nothing of what you write.

    /help shows what you can do.
welcome-coordinator =
    Welcome to <b>{ $cohort }</b>, { $name }! 🎉

    You're a coordinator: you invite people, pair peer coaches and see who's a bit stuck.

    /help shows what you can do.

## Help, per role

help-newcomer =
    I'm PeerCoach: here, students coach each other.

    To join, you need an invitation link from your coordinator or teacher.

    /privacy: what I keep and how to stop
    /settings: choose your language
    /cancel: stop what you're doing
help-student =
    <b>What can you do here?</b>

    /pool: join the pairing pool, your profile, take a break
    /practice: practise coaching with a scripted coachee
    /nopair: who you'd rather not be paired with (only you see this)
    /partner: your partner stopped responding? Let me know
    /talk: your coaching conversation (start it or see your card)
    /plan: plan your next conversation
    /journal: your notebook
    /log: your coach log: your roles and what you learned as a coach
    /portfolio: your coach log as a PDF, for your teacher if you want
    /goal: your goal and your number
    /steps: tick off or change your small steps
    /contract: your agreements
    /leave: stop your coaching
    /help: this overview
    /privacy: what I keep and how to erase your data
    /settings: choose your language
    /cancel: stop what you're doing

    Your group: { $cohorts }
help-teacher =
    <b>What can you do here?</b>

    <b>Coaching together in your class group</b>
    1. Add me to your class's Telegram group: { $startgroup }
    2. Type /room there. I'll link the group to your class and you pick a format.
    3. Or type /breakout: I split the class into small groups that work at the same time, through their private chat with me.

    /progress: how far your students are (step, dates, counts; never what they write)
    /dashboard: the same in your browser, with a chart and CSV
    /help: this overview
    /privacy: what I keep and who sees what
    /settings: choose your language
    /cancel: stop what you're doing

    Your groups: { $cohorts }
help-confidant =
    <b>What can you do here?</b>

    When a student would like to talk with you, you get a message here with a button to answer. What you type after that goes to that student. /cancel stops your typing to them; ✔️ closes the conversation.

    /help: this overview
    /privacy: what I keep and who sees what
    /settings: choose your language
    /cancel: stop what you're doing

    Your groups: { $cohorts }
help-coordinator =
    <b>What can you do here?</b>

    /newcohort name: create a new group and get its invitation links
    /links: new invitation links for your groups
    /cohorttime: a group's time zone and quiet hours
    /consent: how young students get permission, and a group's country
    /pair: pair peer coaches (see the proposal, adjust it, confirm)
    /rounds: the running round and the ones before; end a round and start the next
    /progress: who is where (step, dates, counts; never what they write)
    /dashboard: the same in your browser, with a chart and CSV
    /script: give your group its own coaching script
    /help: this overview
    /privacy: what I keep and who sees what
    /settings: choose your language
    /cancel: stop what you're doing

    Your groups: { $cohorts }

## Role names

role-student = student
role-teacher = teacher
role-coordinator = coordinator
role-confidant = confidant

## Settings

settings-menu = We're talking in English now. Would you like to switch?

## Cancelling

cancel-nothing = There's nothing running to stop. /help shows what you can do.
cancel-done = Okay, stopped. Nothing was saved halfway.

## Cohorts and invitation links

cohort-usage =
    Give the new group a name, for example:
    /newcohort 5B Peer coaching
cohort-invalid_name = A group name has 2 to 80 characters and starts with a letter or digit. Want to try again?
cohort-not_allowed = Only coordinators can create groups and share links. Are you a coordinator? Then ask for a coordinator link.
cohort-name_signs = These characters can't go in a group name: { $signs }. Letters, digits, spaces and . ' &amp; ( ) - are fine. Want to try again?
cohort-time_not_allowed = Only coordinators set a group's time zone and quiet hours. Feel free to ask your coordinator.
cohort-exists = There's already a group called <b>{ $name }</b>. Feel free to pick another name.
cohort-created = The group <b>{ $name }</b> is ready! 🎉 Share these links:
cohort-links =
    <b>{ $name }</b>

    👩‍🎓 For students (one link for the whole group, valid until { $student_until }):
    { $student }

    🧑‍🏫 For one teacher (works once, until { $teacher_until }):
    { $teacher }

    🗂 For one coordinator (works once, until { $coordinator_until }):
    { $coordinator }

    🫶 For one confidant (works once, until { $confidant_until }): the adult students can turn to when they're worried, such as your school's confidential adviser or care coordinator.
    { $confidant }
cohort-pick = Which group would you like new links for?
cohort-time_usage =
    Is your group in another time zone, or would you like other quiet hours (no reminders from me then)? Set it like this:
    /cohorttime Europe/Amsterdam 21:00-08:00

    { $current }
cohort-time_current = <b>{ $name }</b>: { $zone }, quiet from { $start } to { $end }
cohort-time_bad_zone = I don't know the time zone <b>{ $zone }</b>. Use a name like Europe/Amsterdam or America/Curacao.
cohort-time_bad_quiet = <b>{ $quiet }</b> doesn't work for me as quiet hours. Write from-to, like 21:00-08:00, and leave time in the day to meet.
cohort-time_pick = Which group is this for?
cohort-time_set = All set! <b>{ $name }</b> now uses { $zone }, quiet from { $start } to { $end }. Dates and reminders follow it.
cohort-none = You're not a coordinator of any group yet. Create one with /newcohort name.

## When something goes wrong or is not understood

fallback-unknown_command = I don't know that command. /help shows what I can do.
fallback-media = Nice! But I can only work with text and buttons. Feel free to put it into words.
fallback-too_long = That's a long message! I read messages up to { $limit } characters. Could you make it a bit shorter or send it in parts?
fallback-text = I'm not expecting text from you right now. /help shows what you can do.
fallback-edited = I see you edited a message. I only read new messages, so feel free to send it again.
fallback-stale_button = This button doesn't work any more.
fallback-already_done = Already done 👍 No need to tap again.
fallback-stale_not_joined = This button doesn't work any more. You haven't joined yet: tap the invitation link from your coordinator or teacher.
fallback-not_yours = This button is meant for someone else.
fallback-not_joined = You haven't joined yet. Tap the invitation link from your coordinator or teacher.
fallback-error = Oops, something went wrong on my side. Please try again in a moment; you haven't lost what you sent.
fallback-group = In a class group I guide group coaching: a teacher starts it with /room, or makes small groups with /breakout. For anything else, feel free to send me a private message.

## The command menu (plain text)

commands-talk = Your coaching conversation
commands-journal = Your journal: goal, scores, steps
commands-log = Your coach log: how you coach
commands-portfolio = Your coach portfolio as a PDF
commands-steps = Your small steps
commands-plan = Plan your next conversation
commands-pool = Join pairing, your profile
commands-contract = Your agreements
commands-start = Start or use an invitation
commands-help = What can I do here?
commands-privacy = What I keep and how to stop
commands-settings = Choose your language
commands-cancel = Stop what you're doing
commands-progress = How far your students are
commands-dashboard = Your groups' overview in the browser
commands-room = Group coaching in your class group
commands-breakout = The class in small groups at once
commands-newcohort = Create a new group
commands-links = Invitation links of your groups
commands-pair = Pair peer coaches
commands-rounds = Pairing rounds: end one, start the next
commands-cohorttime = A group's time zone and quiet hours
commands-enddate = A group's end date
commands-consent = Consent, age threshold and country
commands-worried = Worried about yourself or someone?
