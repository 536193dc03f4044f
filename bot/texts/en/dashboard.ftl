### Dashboard for teachers and coordinators, English: the sign-in link in Telegram and the web page.
### Keys are the dotted keys of the code with hyphens for dots; keys and $variables must match nl/.
### dashboard-link and dashboard-not_allowed are Telegram HTML; everything under "Web page" is plain text.

dashboard-link =
    📊 <b>Your dashboard</b>

    Open this link to see your groups: { $url }

    It works once, for { $minutes } minutes. Please don't forward it: whoever opens it sees what you see. Need a new one? Just type /dashboard again.
dashboard-not_allowed = The dashboard is for teachers and coordinators. Curious how far you've come yourself? Have a look at /journal or /steps. 🌱

## Web page (plain text; the page makes it safe HTML itself)

dashboard-web-title = PeerCoach dashboard
dashboard-web-signin_title = Sign in to your dashboard
dashboard-web-signin_text = Press the button to sign in. After that, the link stops working.
dashboard-web-signin_button = Sign in
dashboard-web-signout = Sign out
dashboard-web-signed_out = You're signed out. Type /dashboard in Telegram to come back in.
dashboard-web-refused_title = That didn't work
dashboard-web-refused-expired = This link has expired: a link only works for ten minutes. Type /dashboard in Telegram for a new one.
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
