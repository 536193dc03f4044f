### Core texts, English: start, privacy, welcome, help, cohorts, commands.
### Keys are the dotted keys of the code with hyphens for dots; keys and $variables must match nl/.
### Messages are Telegram HTML (the bot escapes the variables); button labels are plain text.

## Choosing a language

language-choose =
    Hi! 👋 Which language would you like to use?
    Hoi! In welke taal wil je met me praten?
language-chosen = Great, we'll talk in English. 🇬🇧
language-button_nl = 🇳🇱 Nederlands
language-button_en = 🇬🇧 English

## Privacy and consent

privacy-notice =
    <b>First, a word about privacy</b> 🔒

    <b>What I keep:</b> your Telegram number, your first name, your language, which group you belong to and your role in it. Later also what you record yourself, such as your goal, your steps and your scores.

    <b>Who sees what:</b> what you write with your coaching partner, I only pass on; I don't keep it. Your teacher and the coordinator see how far you are (step, dates, counts), but never what you write, unless you share it yourself.

    <b>Stopping:</b> you can, any time. With /privacy you can read this again and have all your data erased.
privacy-ask = Is that okay with you?
privacy-accept = Okay, let's go 👍
privacy-decline = I'd rather not
privacy-declined = That's completely fine. I haven't kept anything about you. Changed your mind? Just tap your invitation link again.
privacy-forget = 🗑 Erase my data
privacy-forget_confirm = Are you sure? I'll erase everything I know about you, including your groups. This can't be undone.
privacy-forget_yes = Yes, erase it all
privacy-forget_no = No, keep it
privacy-forgotten = Done: everything I knew about you has been erased. You're always welcome back with a new link. 👋
privacy-kept = Alright, everything stays as it was.

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
    /nopair: who you'd rather not be paired with (only you see this)
    /partner: your partner stopped responding? Let me know
    /talk: your coaching conversation (start it or see your card)
    /plan: plan your next conversation
    /journal: your notebook
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

    /progress: how far your students are (step, dates, counts; never what they write)
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
    /pair: pair peer coaches (see the proposal, adjust it, confirm)
    /progress: who is where (step, dates, counts; never what they write)
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
fallback-not_yours = This button is meant for someone else.
fallback-not_joined = You haven't joined yet. Tap the invitation link from your coordinator or teacher.
fallback-error = Oops, something went wrong on my side. Please try again in a moment; you haven't lost what you sent.
fallback-group = In a class group I guide group coaching: a teacher starts it with /room. For anything else, feel free to send me a private message.

## The command menu (plain text)

commands-talk = Your coaching conversation
commands-journal = Your journal: goal, scores, steps
commands-steps = Your small steps
commands-plan = Plan your next conversation
commands-pool = Join pairing, your profile
commands-contract = Your agreements
commands-start = Start or use an invitation
commands-help = What can I do here?
commands-privacy = What I keep and how to stop
commands-settings = Choose your language
commands-cancel = Stop what you're doing

## Downloading your data (/privacy)

export-button = 📦 Download my data
export-caption = 📦 Everything I keep about you. Open the HTML file in the zip to read it; the JSON file is for computers.
export-caption_part = 📦 Part { $part } of { $parts } of your data. Put the parts together (in order) to open the zip file.
export-nothing = I don't keep anything about you, so there is nothing to download.
export-title = My data at PeerCoach
export-intro = Everything PeerCoach kept about you on { $date }. What your partner wrote is not in it: that is theirs.
export-person = About you
export-label_name = First name
export-label_username = Username
export-label_language = Language
export-label_since = Known since
export-label_consent = Privacy note accepted on
export-cohorts = Your groups and roles
export-created = Groups you created
export-pool = Your profile in the pairing pool
export-label_about = About yourself
export-label_interests = Interests
export-label_availability = When you can meet
export-label_status = Status
export-no_pair = Who you'd rather not be paired with
export-trajectories = Your coaching trajectories
export-as_coachee = You were coached by { $partner }
export-as_coach = You coached { $partner }
export-as_observer = You observed { $partner }
export-goals = Your goal
export-scales = Your score over time
export-small_steps = Your small steps
export-notes = What you wrote down
export-contract = What you proposed for your agreements
export-reflections = Your reflections as a coach
export-observations = Your feedback as an observer
export-conversations = Conversations
export-rooms = Group sessions
export-my_contributions = What you wrote
export-my_step = Your step
export-my_roles = Your role
export-empty = —

## How long a group's data is kept (/enddate)

retention-warning = 🗓 In two weeks, on { $date }, I'll erase everything the students of <b>{ $cohort }</b> wrote and who was in it. Only anonymous counts stay. Would you like an overview first (names, roles, steps, no content)?
retention-btn_csv = 📄 Overview as CSV
retention-csv_caption = 📄 Overview of { $cohort }: who, which role, which step. What the students wrote is not in it.
retention-purged = 🧹 The data of <b>{ $cohort }</b> has been erased. Only anonymous counts are kept.
retention-not_yours = This overview is for the coordinators of this group.
retention-usage = Send /enddate with your group's last day, for example <code>/enddate 2026-06-30</code>.
retention-end_set = 🗓 <b>{ $cohort }</b> ends on { $ends }. On { $purge } I'll erase what the students wrote; you'll get a heads-up two weeks before.
retention-pick = Which group is that the last day of?
retention-not_allowed = Only coordinators can set a group's last day.
