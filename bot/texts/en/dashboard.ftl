### Dashboard for teachers and coordinators, English: the sign-in link in Telegram and the web page.
### Keys are the dotted keys of the code with hyphens for dots; keys and $variables must match nl/.
### dashboard-link and dashboard-not_allowed are Telegram HTML; everything under "Web page" is plain text.

dashboard-link =
    📊 <b>Your dashboard</b>

    Open this link to see your groups: { $url }

    It works once, for { $minutes } minutes. Please don't forward it: whoever opens it sees what you see. Need a new one? Just type /dashboard again.
dashboard-not_allowed = The dashboard is for teachers and coordinators. Curious how far you've come yourself? Have a look at /journal or /steps. 🌱


dashboard-digest =
    📊 <b>Weekly summary · { $cohort }</b>

    Members: { $joined } · in the pairing pool: { $in_pool } · paired: { $paired }
    Pairs finished: { $closed } · stopped: { $dissolved }

    <b>Needs attention</b>
    { $attention }

    Everything at a glance, with a chart: /dashboard
dashboard-digest_line = • { $name }: { $reasons }
dashboard-digest_more = …and { $count } more: you'll see them all on /dashboard.
dashboard-digest_nobody = Nobody right now. 🎉

## Web page (plain text; the page makes it safe HTML itself)

dashboard-web-title = PeerCoach dashboard
dashboard-web-signin_title = Sign in to your dashboard
dashboard-web-signin_text = Press the button to sign in. After that, the link stops working.
dashboard-web-signin_button = Sign in
dashboard-web-signout = Sign out
dashboard-web-signed_out = You're signed out. Type /dashboard in Telegram to come back in.
dashboard-web-refused_title = That didn't work
dashboard-web-refused-expired = This link has expired: a link only works for { $minutes } minutes. Type /dashboard in Telegram for a new one.
dashboard-web-refused-used = This link was used already. A link works only once; type /dashboard in Telegram for a new one.
dashboard-web-refused-unknown = We don't know this link. Copy it whole, or type /dashboard in Telegram for a new one.
dashboard-web-refused-no_session = You're not signed in (yet), or your session has ended. Type /dashboard in Telegram for a sign-in link.
dashboard-web-refused-not_yours = This page belongs to a group where you're not a teacher or coordinator.
dashboard-web-refused-form = This form has expired. Reload the page and try again.
dashboard-web-cohorts = Your groups
dashboard-web-no_cohorts = You're not a teacher or coordinator in any group (right now).
dashboard-web-back = All groups
dashboard-web-metadata_only = You see steps, dates and counts here, never what students write.
dashboard-web-funnel = Funnel
dashboard-web-funnel_people = From link to pair
dashboard-web-funnel-invited = Opened the link
dashboard-web-funnel-joined = Joined
dashboard-web-funnel-consented = Agreed to privacy
dashboard-web-funnel-in_pool = In the pairing pool
dashboard-web-funnel-paired = Paired now
dashboard-web-funnel-steps = Trajectories per step
dashboard-web-funnel-closed = Pairs finished
dashboard-web-funnel-dissolved = Pairs stopped
dashboard-web-attention = Needs attention
dashboard-web-attention_none = Nobody right now. 🎉
dashboard-web-reason-silent = silent since { $date }
dashboard-web-reason-not_met = the planned conversation of { $date } did not happen
dashboard-web-reason-no_click = no click with their last partner, waiting for a new one
dashboard-web-reason-waiting = waiting for a partner since { $date }
dashboard-web-reason-paused = paused until { $date }
dashboard-web-activity = Activity per week
dashboard-web-activity_alt = Bar chart of the last { $weeks } weeks: new members, new pairs and ended pairs per week. The same numbers are in the table below.
dashboard-web-week = Week of
dashboard-web-series-joined = New members
dashboard-web-series-paired = New pairs
dashboard-web-series-ended = Pairs ended
dashboard-web-csv = Download as CSV (metadata only)
dashboard-web-worries = Worry route
dashboard-web-worries_count = Students opened the worry route { $count } times. Who and why stays with them.
dashboard-web-skip = Skip to content
dashboard-web-rounds = Pairing rounds
dashboard-web-rounds_none = No round confirmed yet.
dashboard-web-round_line = Round { $number } · { $start } – { $end } · { $matches } made: { $finished } finished, { $dissolved } stopped, { $active } still running{ $ending ->
    [keep] { " " }· pairs kept
    [close] { " " }· trajectories closed
   *[none] {""}
    }
dashboard-web-round_running = running
dashboard-web-end_question = What happens to { $pairs ->
    [one] the pair running now
   *[other] the { $pairs } pairs running now
    }? Pick one.
dashboard-web-ending_keep = Keep the pairs:
dashboard-web-ending_keep_hint = they simply keep coaching and get a short message; the next round only pairs people without a partner.
dashboard-web-ending_close = Close the trajectories:
dashboard-web-ending_close_hint = each trajectory is finished properly (not broken off); everyone gets a warm message and keeps their notebook.
dashboard-web-end_round = End round { $number }
dashboard-web-end_first = Is a round still running? End it first; then propose the next one here.
dashboard-web-next_round = Propose the next round
dashboard-web-next_round_hint = The proposal comes to your Telegram chat: swap, lock and confirm it there. Nobody gets the same partner as before.
dashboard-web-draft_waiting = A proposal is waiting in your Telegram chat: type /pair to look at it and confirm.
dashboard-web-coordinators_only = Only coordinators end and start rounds.
dashboard-web-done-end = Done: the pairs get a message now, and you a summary in Telegram.
dashboard-web-done-next = The proposal for the next round will be in your Telegram chat in a moment.
dashboard-web-done-again = You asked for that already; have a look in your Telegram chat.
dashboard-web-invites = Invitations · { $cohort }
dashboard-web-invite_hint = Print this page or show it on the board. Whoever scans a QR code opens the bot and picks their language and privacy choice themselves.
dashboard-web-invite_until = Works until { $date }.
dashboard-web-invite_once = Works once: give it to one person.
dashboard-web-invite_none = There is no working link for this role right now.
dashboard-web-invite_new = Make new links
dashboard-web-qr_of = QR code of the invitation as { $role }
dashboard-web-print_invites = Invitations with QR codes (to print)
dashboard-web-operations = How the bot is doing
dashboard-web-ops_note = For the school's IT contact: counts and times, no names and no messages.
dashboard-web-ops-outbox = Messages waiting to be sent
dashboard-web-ops-oldest = Longest-waiting message since
dashboard-web-ops-inbox = Updates waiting to be processed
dashboard-web-ops-last_update = Last update from Telegram
dashboard-web-ops-database = Size of the database
dashboard-web-ops-errors = Errors per hour (last 24 hours)
dashboard-web-ops-hour = Hour
dashboard-web-ops-failed_updates = Updates failed
dashboard-web-ops-failed_sends = Messages failed
dashboard-web-ops-no_errors = No errors in the last 24 hours.
dashboard-web-ops-none = –
dashboard-web-ops_link = How the bot is doing (for IT)
dashboard-web-ops_only = This sign-in shows only how the bot is doing: counts and times, no students and no groups.
