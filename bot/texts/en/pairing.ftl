### Pairing peer coaches, English.
### Keys are the dotted keys of the code with hyphens for dots; keys and $variables must match nl/.
### Messages are Telegram HTML (the bot escapes the variables); button labels are plain text.

pairing-and = and
pairing-none_given = nothing yet
pairing-nobody = nobody
pairing-students_only = The pairing pool is for students. /help shows what you can do here.
pairing-coordinators_only = Pairing is done by coordinators. /help shows what you can do here.
pairing-pick_cohort = Which group is this about?

## The pool and the profile

pairing-invite =
    🤝 <b>Pairing pool of { $cohort }</b>

    Would you like a classmate as your coaching partner? Then join the pairing pool. Your coordinator makes the pairs; you tell them briefly what you're looking for and when you're free.

    You only take part once you tap the button yourself, and you can pause or stop any time.
pairing-btn_join = 🙋 Count me in
pairing-btn_not_now = Not right now
pairing-not_now = No problem. You can always join later with /pool.
pairing-joined = Great to have you in <b>{ $cohort }</b>! 🎉 Just a few short questions, so your coordinator knows what suits you.
pairing-ask_wants = What would you like most?
pairing-btn_wants_both = 🤝 Both: coach and be coached
pairing-btn_wants_coach = 🧭 Mostly coach someone
pairing-btn_wants_be_coached = 🌱 Mostly be coached
pairing-wants_both = coach and be coached
pairing-wants_coach = mostly coach someone
pairing-wants_be_coached = mostly be coached
pairing-ask_slots = When can you usually meet? Tap everything that fits, then tap Done.
pairing-slot_button = { $day } { $part }
pairing-btn_slots_done = ✅ Done
pairing-day_mon = Mon
pairing-day_tue = Tue
pairing-day_wed = Wed
pairing-day_thu = Thu
pairing-day_fri = Fri
pairing-part_am = am
pairing-part_pm = pm
pairing-part_eve = eve
pairing-slot_mon_am = Monday morning
pairing-slot_mon_pm = Monday afternoon
pairing-slot_mon_eve = Monday evening
pairing-slot_tue_am = Tuesday morning
pairing-slot_tue_pm = Tuesday afternoon
pairing-slot_tue_eve = Tuesday evening
pairing-slot_wed_am = Wednesday morning
pairing-slot_wed_pm = Wednesday afternoon
pairing-slot_wed_eve = Wednesday evening
pairing-slot_thu_am = Thursday morning
pairing-slot_thu_pm = Thursday afternoon
pairing-slot_thu_eve = Thursday evening
pairing-slot_fri_am = Friday morning
pairing-slot_fri_pm = Friday afternoon
pairing-slot_fri_eve = Friday evening
pairing-ask_language = Which language would you rather coach in?
pairing-ask_about = Tell me one sentence about yourself. Your partner reads it as a first hello. ✍️
pairing-ask_interests = What do you enjoy doing? A few words are enough (sports, music, drawing, ...).
pairing-btn_skip = Skip
pairing-too_long = That's a little too long: keep it under { $limit } characters. Want to try again?
pairing-profile_done = Your profile is ready! As soon as your coordinator makes a round, you'll hear who you're working with.
pairing-profile =
    🤝 <b>Your place in the pairing pool · { $cohort }</b>

    <b>Status:</b> { $status }
    <b>You'd like to:</b> { $wants }
    <b>You're free:</b> { $slots }
    <b>Language:</b> { $coach_language }
    <b>About you:</b> { $about }
    <b>Interests:</b> { $interests }
pairing-status_active = you're in ✅
pairing-status_paused = you're pausing until { $date } ⏸
pairing-btn_edit = ✏️ Edit profile
pairing-btn_pause = ⏸ Take a break
pairing-btn_resume = ▶️ Join in again
pairing-btn_leave_pool = 🚪 Leave the pool

## Pause and leave

pairing-ask_pause = Until when would you like to pause? You won't get a new partner in that time.
pairing-btn_pause_until = { $weeks } wk, until { $date }
pairing-btn_no_pause = Never mind
pairing-paused = Okay, you're pausing until { $date }. After that you're back in automatically; I'll let you know. 🌿
pairing-paused_matched = Okay, you're pausing until { $date }: no new partner in that time. Your current pairing simply carries on.
pairing-resumed = Welcome back! You're in again for the next round. ▶️
pairing-pause_over = Your break is over, welcome back! 🌱 You're in the pairing pool again; your coordinator is looking for a partner for you.
pairing-ask_leave = Do you really want to leave the pairing pool? You won't get a new partner any more. You can always come back with /pool.
pairing-btn_leave_yes = Yes, I'm leaving
pairing-btn_leave_no = No, I'll stay
pairing-left_pool = You've left the pairing pool. Thanks for taking part! Use /pool to join again whenever you like.
pairing-left_matched = You've left the pairing pool: no new partners from now on. Your current pairing simply carries on; to stop that too, use /leave.
pairing-nothing_changed = Fine, nothing changes.

## Do-not-pair

pairing-nopair_intro =
    🔒 <b>Rather not with...</b>

    Tap anyone you'd rather not have as a partner; tap again to take them off your list. Only the pairing program takes this into account: nobody else sees your list, not even your coordinator.
pairing-nopair_nobody = There are no classmates in your group yet. Feel free to come back later.
pairing-nopair_added = Added to your list 🚫
pairing-nopair_removed = Taken off your list
pairing-btn_nopair_done = ✅ Done
pairing-nopair_saved = Saved: { $count } on your list. Nobody else sees it. 🔒
pairing-btn_previous = ◀️ Previous
pairing-btn_next = Next ▶️

## The coordinator's preview

pairing-pool_empty = Nobody is in the pairing pool of <b>{ $cohort }</b> yet. Students join themselves with /pool; feel free to ask them to.
pairing-choose_scope =
    In <b>{ $cohort }</b> these people are waiting for a partner: { $names }.

    Would you like to pair just them, leaving the other pairs alone, or make a whole new round?
pairing-btn_only_waiting = 🔁 Pair just them
pairing-btn_whole_round = 🆕 Whole new round
pairing-preview_title =
    <b>Proposal for round { $number } · { $cohort }</b>
    { $mode }
pairing-preview_repair_title =
    <b>Pairing again · { $cohort }</b>
    Only these people; every other pair stays as it is.
pairing-preview_no_matches = I can't find a pair that fits yet.
pairing-preview_unpaired = <b>Without a partner:</b>
pairing-preview_busy = Already have a partner (stays that way): { $names }
pairing-preview_unreachable = Unreachable (blocked the bot): { $names }
pairing-mode_reciprocal = Reciprocal: partners coach each other.
pairing-mode_one_way = One-way: one coaches, the other is coached.
pairing-btn_swap = 🔀 Swap two people
pairing-btn_lock = 🔒 Lock
pairing-btn_rerun = 🎲 Run again
pairing-btn_mode_one_way = ➡️ One-way
pairing-btn_mode_reciprocal = 🔁 Reciprocal
pairing-btn_confirm = ✅ Confirm
pairing-btn_discard = 🗑 Throw away
pairing-btn_not_now_repair = ✖️ Not now
pairing-btn_back = ↩️ Back
pairing-pick_lock = Which pair do you lock (or unlock)? Locked pairs stay when you run the pairing again.
pairing-pick_swap_first = Who would you like to swap?
pairing-pick_swap_second = Who does <b>{ $name }</b> swap places with?
pairing-swap_refused = Swapping { $a } and { $b } isn't possible: it clashes with the rules of this round. Try another swap.
pairing-preview_changed = This proposal has changed meanwhile. Here is the latest one.
pairing-preview_gone = This proposal was already confirmed or thrown away.
pairing-pool_changed = The pool changed meanwhile (someone joined, paused or already got a partner). Here is a new proposal.
pairing-discarded = Thrown away. Nobody noticed a thing. Use /pair to start again.
pairing-discarded_repair = Okay, later. /pair shows who is waiting for a partner, so you can pair them then.
pairing-confirmed =
    ✅ <b>Confirmed!</b> { $pairs ->
        [one] { $pairs } pair
       *[other] { $pairs } pairs
    } and { $triads ->
        [one] { $triads } triad
       *[other] { $triads } triads
    }.

    { $told ->
        [one] { $told } student got a message.
       *[other] { $told } students got a message.
    } Without a partner: { $unpaired }.
# Reasons, in a few words each.
pairing-why_locked = locked
pairing-why_chosen_by_coordinator = chosen by the coordinator
pairing-why_joined_as_third = { $names } joined as third
pairing-why_new_pair = new pair
pairing-why_new_trio = new triad
pairing-why_repeat_pair = { $names } were partners recently
pairing-why_earlier_partner = { $names } worked together before
pairing-why_shared = both free { $slots }
pairing-why_shared_three = all three free { $slots }
pairing-why_no_shared_availability = no shared time yet
pairing-why_same_class = same class
pairing-why_other_class = different classes
pairing-why_same_language = same language
pairing-why_different_language = different preferred language
pairing-why_one_way_by_wishes = one-way, as they wished
pairing-why_older_coaches_younger = { $coach } is older and coaches { $coachee }
pairing-why_balances_giving = { $names } get their turn this way
pairing-left_paused = pausing
pairing-left_paused_until = pausing until { $date }
pairing-left_no_compatible_partner = no suitable partner
pairing-left_partners_already_taken = everyone suitable already has a partner
pairing-left_swapped_out = freed up by a swap
pairing-left_only_previous_partners = everyone who fits was a partner before

## What everyone hears after confirmation

pairing-intro =
    🤝 <b>{ $count ->
        [one] Your coaching partner
       *[other] Your coaching partners
    }: { $partners }</b>

    Why you are together: { $why }.
pairing-intro_partner =
    <b>{ $name }</b> about themselves: { $about }
    Interests: { $interests }
pairing-intro_no_about = would love to tell you in person 🙂
pairing-unpaired_paused = There's a new pairing round in <b>{ $cohort }</b>. You're pausing until { $until }, so you skip this one. After that you're back in automatically. 🌿
pairing-unpaired_no_compatible_partner = There's a new pairing round in <b>{ $cohort }</b>. This time I couldn't find a partner who fits your wishes yet. That's not your fault! You stay in the pool and your coordinator keeps looking; you'll hear as soon as there's someone.
pairing-unpaired_partners_already_taken = There's a new pairing round in <b>{ $cohort }</b>. Everyone who fits you already has a partner this time. You stay in the pool: as soon as someone is free, your coordinator pairs you.
pairing-unpaired_swapped_out = There's a new pairing round in <b>{ $cohort }</b>. There's no partner for you yet this time. You stay in the pool and your coordinator keeps looking; you'll hear as soon as there's someone.
pairing-unpaired_only_previous_partners = There's a new pairing round in <b>{ $cohort }</b>. Everyone who fits you has been your partner before, and a new round always brings someone new. So nobody for now. You stay in the pool: when someone new joins, you'll hear right away. 🌱
pairing-round_kept = There's a new pairing round in <b>{ $cohort }</b>. Nothing changes for you: you simply carry on with your current partner. 👍

## Re-pairing

pairing-repair_notice =
    🔁 <b>New partner needed</b> · { $cohort }

    { $names }: { $reason }. What they talked about stays theirs. Would you like to pair them again? The other pairs stay as they are.
pairing-repair_reason_no_click = it didn't click
pairing-repair_reason_partner_left = the partner stopped
pairing-repair_reason_unreachable = the partner can no longer be reached
pairing-repair_reason_silent_partner = the partner stopped responding
pairing-repair_reason_pause_over = the break is over
pairing-repair_reason_wants_partner = would like a new partner
pairing-repair_reason_other = the pairing ended
pairing-btn_repair_now = 🔁 Pair again now
pairing-repair_nobody = None of them is waiting for a partner any more (they have one, are pausing, or left the pool).
pairing-partner_none = You don't have a coaching partner right now. /pool shows your place in the pairing pool.
pairing-partner_ask = Is something not working with your partner? Your coordinator can help, confidentially: your partner won't hear that you said so.
pairing-btn_partner_silent = 😶 My partner stopped responding
pairing-btn_partner_fine = 👍 No, all good
pairing-partner_fine = Good to hear! You can always let me know with /partner.
pairing-partner_reported = Thanks for letting me know. 💛 Your coordinator will look into it, confidentially. You'll hear soon how things go on.
pairing-silent_notice =
    😶 <b>A partner stopped responding</b>

    { $name } says { $partners } no longer responds (together since { $since }). { $partners } doesn't know who reported this.
pairing-btn_end_repair = 🔁 End the pairing and pair again
pairing-btn_reach_out = 💬 I'll get in touch myself first
pairing-reach_out_ok = Fine, the pairing carries on. If it still doesn't work, you can end it and pair again here later.
pairing-match_already_ended = That pairing has already ended. /pair shows who is waiting for a partner.
pairing-pause_offer = Hi! It looks like replying was hard for a while, and that's okay. 💛 Your pairing has ended, no blame. Would you like to take a break, or rather get a new partner straight away?
pairing-btn_want_partner = 🔁 A new partner, please
pairing-want_partner_ok = Great! Your coordinator is looking for a new partner for you; you'll hear soon.
pairing-paused_notice = ⏸ { $name } is pausing until { $date }: no new partner for { $name } in that time.
pairing-quiet_offer = Hi! I've sent you a few messages lately and haven't heard back. That's okay, sometimes a lot happens at once. 💛 Would a break help? Your coordinator knows too and is glad to think along with you.
pairing-btn_still_here = 🙋 I'm still here
pairing-still_here_ok = Good to hear from you! 🌱 Your pairing simply carries on; /talk shows where you are.
pairing-still_here_notice = 🙋 { $name } let me know they're still in. The pairing carries on.
pairing-quiet_notice =
    🔕 <b>Quiet for a while</b>

    { $name } left the bot's last { $count ->
        [one] message
       *[other] { $count } messages
    } unanswered, since { $since } (paired with { $partners }).{ $asked }
# Appended to the notice above: Fluent trims a leading space, so it is written as {" "}.
pairing-quiet_asked = {" "}I asked { $name } kindly whether a break would help.
pairing-repair_unpaired = Your coordinator looked for a new partner for you in <b>{ $cohort }</b>, but everyone who fits you has a partner right now. That's not your fault! You stay in the pool: as soon as someone is free, you'll hear straight away.
pairing-repair_unpaired_before = Your coordinator looked for a new partner for you in <b>{ $cohort }</b>. Everyone free who fits you has been your partner before, and you always get someone new. You stay in the pool: as soon as someone new joins, you'll hear straight away. 🌱
pairing-repair_unpaired_no_fit = Your coordinator looked for a new partner for you in <b>{ $cohort }</b>, but nobody free fits your wishes yet. That's not your fault! You stay in the pool and you'll hear straight away when there's someone.

## /rounds: the running round, the ones before, ending and starting

pairing-rounds_overview =
    <b>Pairing rounds of { $cohort }</b>

    { $now }

    <b>Before:</b>
    { $history }
pairing-rounds_now = <b>Round { $number }</b> is running, started on { $date }, with { $pairs ->
    [one] 1 pair
   *[other] { $pairs } pairs
    }.
pairing-rounds_none_running = No round is running now. { $pairs ->
    [0] No pairs are running.
    [one] 1 pair keeps coaching.
   *[other] { $pairs } pairs keep coaching.
    }
pairing-rounds_no_history = no ended rounds yet
pairing-rounds_line = • Round { $number }: { $start } – { $end }, { $pairs ->
    [one] 1 pair
   *[other] { $pairs } pairs
    }: { $finished } finished, { $dissolved } stopped, { $running } coaching on{ $ending ->
    [keep] { " " }(kept)
    [close] { " " }(closed)
   *[none] {""}
    }
pairing-btn_end_round = End round { $number }
pairing-btn_next_round = Start round { $number }
pairing-btn_open_draft = See the waiting proposal
pairing-round_end_choice =
    <b>Ending round { $round }</b>

    What happens to { $pairs ->
        [one] the pair that is running now
       *[other] the { $pairs } pairs running now
    }?

    <b>Keep the pairs:</b> they simply keep coaching; the next round only pairs people without a partner.
    <b>Close the trajectories:</b> each trajectory is finished properly, not broken off. Everyone gets a warm message and keeps their notebook.
pairing-btn_keep_pairs = 🤝 Keep the pairs
pairing-btn_close_pairs = 🏁 Close the trajectories
pairing-round_ended_keep = ✅ Round { $round } of { $cohort } has ended. { $pairs ->
    [0] No pairs were running.
    [one] The pair keeps coaching and got a message.
   *[other] The { $pairs } pairs keep coaching and got a message.
    }
pairing-round_ended_close = ✅ Round { $round } of { $cohort } has ended. { $pairs ->
    [0] No pairs were running.
    [one] The trajectory of 1 pair is closed; both partners got a warm message.
   *[other] The trajectories of { $pairs } pairs are closed; everyone got a warm message.
    }
pairing-round_end_already = That round of { $cohort } had already ended, or a new one began meanwhile. Nothing happened twice.
pairing-round_end_first = First end the round that is running now; you choose then whether the pairs go on.
pairing-round_ended_kept = 🌿 The pairing round in <b>{ $cohort }</b> has ended. Nothing changes for you: you and { $names } simply keep coaching together. Great that you do!
