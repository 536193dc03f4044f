### Privacy, English: consent, erasing, downloading your data, how long a group's data is kept.
### Keys are the dotted keys of the code with hyphens for dots; keys and $variables must match nl/.
### Messages are Telegram HTML (the bot escapes the variables); button labels are plain text.

## Privacy and consent

privacy-notice =
    <b>First, a word about privacy</b> 🔒

    <b>What I keep:</b> your Telegram number, your first name, your language, which group you belong to and your role in it. Later also what you record yourself, such as your goal, your steps and your scores.

    <b>Who sees what:</b> what you write with your coaching partner, I only pass on; I don't keep it. Your teacher and the coordinator see how far you are (step, dates, counts), but never what you write, unless you share it yourself.

    <b>Stopping:</b> you can, any time. With /privacy you can read this again and have all your data erased.
privacy-notice_teacher =
    <b>First, a word about privacy</b> 🔒

    <b>What I keep about you:</b> your Telegram number, your first name, your language, your groups and your role in them.

    <b>What you see of students:</b> how far they are (step, dates, counts). Never what they write with their coaching partner, unless a student shares it with you.

    <b>Stopping:</b> with /privacy you download your data or have it all erased.
privacy-notice_coordinator =
    <b>First, a word about privacy</b> 🔒

    <b>What I keep about you:</b> your Telegram number, your first name, your language, your groups and your role in them.

    <b>What you see of students:</b> who takes part, who is paired with whom and how far they are (step, dates, counts). Never what they write to each other, unless a student shares it with you.

    <b>Stopping:</b> with /privacy you download your data or have it all erased.
privacy-notice_confidant =
    <b>First, a word about privacy</b> 🔒

    <b>What I keep about you:</b> your Telegram number, your first name, your language, your groups and your role in them.

    <b>What you see of students:</b> only who would like to talk with you, from which group and when. What you write to each other, I pass on and don't keep.

    <b>Stopping:</b> with /privacy you download your data or have it all erased.
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
export-agreed_items = Agreements you said yes to
export-reflections = Your reflections as a coach
export-observations = Your feedback as an observer
export-conversations = Conversations
export-rooms = Group sessions
export-worry = Talks with a confidant (who and when; what you wrote was passed on, never kept)
export-worry_asked = you asked { $name } to talk
export-worry_confidant = { $name } asked you to talk
export-pledges = Your confidentiality pledge
export-pledge_agreed = you promised on { $date }
export-pledge_declined = you said no on { $date }
export-pledge_open = shown, not answered yet
export-consents = Permission and age
export-consent_young = under the age threshold
export-consent_older = at or above the age threshold
export-consent_agreed = your parent agreed on { $date }
export-consent_withdrawn = withdrawn on { $date }
export-help_cards = When I showed you the help lines after something heavy you wrote (your message was not kept)
export-dance_checks = Your dance check after conversations (only you and your partner saw it)
export-dance_line = Conversation { $number } · { $date } · who led: { $led } · pace: { $rhythm } · heard: { $heard }
export-dance_led_me = me
export-dance_led_other = my partner
export-dance_led_together = together
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
retention-usage = Send /enddate with your group's last day, for example <code>/enddate { $year }-06-30</code>.
retention-end_set = 🗓 <b>{ $cohort }</b> ends on { $ends }. On { $purge } I'll erase what the students wrote; you'll get a heads-up two weeks before.
retention-past = That day has already passed ({ $ends }). Nothing has changed: send /enddate with the group's last day, today or later.
retention-pick = Which group is that the last day of?
retention-not_allowed = Only coordinators can set a group's last day.
