### Consent, English: the age band at joining, the parent link, withdrawal, /consent.
### Keep keys and $variables equal to nl/. Messages are Telegram HTML; buttons plain text.

## Joining

consent-accept_older = OK, and I'm { $age } or older 👍
consent-accept_young = OK, and I'm under { $age }
consent-ask_parent =
    Great that you're joining <b>{ $cohort }</b>! 🌱

    Because you're younger, I first ask a parent or carer for permission. Send this link to your parent:
    { $link }

    As soon as your parent says yes, you'll hear from me. Until then I keep nothing except that you're waiting. /help and /privacy work as usual.
consent-stop = Never mind, forget me
consent-waiting_help =
    You're still waiting for your parent's yes for <b>{ $cohort }</b>. ⏳ After that you can really get started, with /pool and everything else.

    Feel free to send your parent this link once more:
    { $link }

    /privacy shows what I keep: hardly anything. Changed your mind? Tap below and I'll forget you.
consent-yes_waits_for_you = Your parent already said yes! 🎉 Tap ‘Finish joining’ to complete joining. After that everything works, /pool too.
consent-waiting_withdrawn = Your parent withdrew their permission after all, so you can't join for now. Talk it over together: if your parent says yes again through the same link, you'll hear from me right away.
consent-band_ask = One more question before you join this group: how old are you?
consent-band_older = I'm { $age } or older
consent-band_young = I'm under { $age }
consent-student_yes_joined = Good news: your parent said yes! 🎉 You're now in <b>{ $cohort }</b>. With /pool you can sign up to be paired.

## The parent

consent-link_unknown = This link doesn't work (any more). Ask your child to send it again.
consent-link_own = This link is for your parent or carer 🙂 Pass it on to them; they tap it, not you.
consent-link_member = This link is for a parent or carer. You're already in this group yourself, so you can't give permission here.
consent-link_other_parent = Another parent or carer has already answered this. Questions? Please contact the school.
consent-parent_notice =
    <b>Hello!</b> 👋 Your child would like to take part in peer coaching in <b>{ $cohort }</b>: students coach each other through this Telegram bot, at school.

    <b>What I keep:</b> Telegram number, first name, language, group and role, and what your child records (goal, steps, scores). Messages between coaching partners are passed on, never kept. Teachers see progress, never content.

    <b>Safety:</b> partners promise each other that what's said stays between them. When worried, your child can bring in the school's confidant and always sees help lines.

    Do you agree? You can withdraw later through this same link.
consent-btn_agree = ✅ I agree
consent-btn_decline = No, rather not
consent-btn_withdraw = Withdraw permission
consent-parent_thanks = Thank you! Your child can carry on now. Want to stop later? Just open the same link again.
consent-parent_declined = Understood, thank you. Your child won't take part and I'll forget the request.
consent-parent_agreed_before = You gave permission for <b>{ $cohort }</b> earlier. Do you want to withdraw it? Then I pause your child, and they can have all their data erased.
consent-parent_withdrew = Your permission is withdrawn. Your child is paused and won't be paired any more; I'm offering them to erase everything. Change your mind? Open the same link again.

## Back to the student

consent-btn_continue = Finish joining
consent-student_yes = Good news: your parent said yes! 🎉 Tap below to finish joining.
consent-student_yes_again = Your parent gave permission again. With /pool you can sign up to be paired again. 🌱
consent-student_no = Your parent would rather you didn't take part. That's OK; I've forgotten everything about you. Feel free to talk it over together; you can always decide again later.
consent-student_withdrawn = Your parent withdrew their permission, so you're paused: you won't be paired. Would you like me to erase all your data? Use the button below, or /privacy later.

## Pairing

consent-pool_school_unconfirmed = Almost! Your school first confirms that parents were informed. Then you can join here. 🌱
consent-pool_parent_pending = Your parent's yes comes first, then you can join.
consent-pool_withdrawn = You're paused because your parent withdrew their permission. Talk it over together; if your parent says yes again, you can join.
consent-relay_paused_self = You're paused because your parent withdrew their permission, so I'm not passing your message on (and I'm not keeping it). /help and /worried still work.
consent-relay_paused = Your coaching partner is paused for now, so I'm not passing your message on (and I'm not keeping it). Your teacher can help you further.

## Coordinator (/consent)

consent-admin_only = With /consent a coordinator chooses how young students get permission.
consent-policy_school = <b>{ $cohort }</b>: <b>school-arranged</b>. Students under { $age } take part because the school informed their parents.
consent-policy_parent = <b>{ $cohort }</b>: <b>parent confirms</b>. Students under { $age } get a link for their parent; they take part once the parent says yes.
consent-informed_by = Confirmed by { $who } on { $date }: parents were informed.
consent-informed_missing = Not yet confirmed that parents were informed. Until then young students aren't paired.
consent-btn_informed = ✅ Parents were informed
consent-btn_to_school = Arrange via school
consent-btn_to_parent = Let parents confirm
consent-country_nl = 🇳🇱 Country: the Netherlands. Students see Dutch help lines; the age threshold is 16 unless set otherwise.
consent-country_be = 🇧🇪 Country: Belgium. Students see Belgian help lines; the age threshold is 13 unless set otherwise.
consent-btn_country_nl = 🇳🇱 Country: the Netherlands
consent-btn_country_be = 🇧🇪 Country: Belgium
