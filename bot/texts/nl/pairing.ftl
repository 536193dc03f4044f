### Koppelen van coachingspartners, Nederlands.
### Sleutels zijn de sleutels uit de code met streepjes voor punten; sleutels en $variabelen gelijk houden met en/.
### Berichten zijn Telegram-HTML (de bot escapet de variabelen); knoppen zijn platte tekst.

pairing-and = en
pairing-none_given = nog niets
pairing-nobody = niemand
pairing-students_only = De koppelpool is voor leerlingen. Met /help zie je wat jij hier kunt doen.
pairing-coordinators_only = Koppelen doen coördinatoren. Met /help zie je wat jij hier kunt doen.
pairing-pick_cohort = Over welke groep gaat het?

## The pool and the profile

pairing-invite =
    🤝 <b>Koppelpool van { $cohort }</b>

    Wil je een medeleerling als coachingspartner? Stap dan in de koppelpool. Je coördinator maakt de duo's; jij vertelt kort wat je zoekt en wanneer je kunt.

    Je doet pas mee als je zelf op de knop tikt, en je kunt altijd pauzeren of stoppen.
pairing-btn_join = 🙋 Ik doe mee
pairing-btn_not_now = Nu even niet
pairing-not_now = Helemaal goed. Met /pool kun je later altijd nog instappen.
pairing-joined = Fijn dat je meedoet in <b>{ $cohort }</b>! 🎉 Nog een paar korte vragen, dan weet je coördinator wat bij je past.
pairing-ask_wants = Wat wil je het liefst?
pairing-btn_wants_both = 🤝 Allebei: coachen en gecoacht worden
pairing-btn_wants_coach = 🧭 Vooral zelf coachen
pairing-btn_wants_be_coached = 🌱 Vooral gecoacht worden
pairing-wants_both = coachen en gecoacht worden
pairing-wants_coach = vooral zelf coachen
pairing-wants_be_coached = vooral gecoacht worden
pairing-ask_slots = Wanneer kun je meestal afspreken? Tik alles aan wat past en tik dan op Klaar.
pairing-slot_button = { $day } { $part }
pairing-btn_slots_done = ✅ Klaar
pairing-day_mon = ma
pairing-day_tue = di
pairing-day_wed = wo
pairing-day_thu = do
pairing-day_fri = vr
pairing-part_am = vm
pairing-part_pm = nm
pairing-part_eve = avond
pairing-slot_mon_am = maandagvoormiddag
pairing-slot_mon_pm = maandagnamiddag
pairing-slot_mon_eve = maandagavond
pairing-slot_tue_am = dinsdagvoormiddag
pairing-slot_tue_pm = dinsdagnamiddag
pairing-slot_tue_eve = dinsdagavond
pairing-slot_wed_am = woensdagvoormiddag
pairing-slot_wed_pm = woensdagnamiddag
pairing-slot_wed_eve = woensdagavond
pairing-slot_thu_am = donderdagvoormiddag
pairing-slot_thu_pm = donderdagnamiddag
pairing-slot_thu_eve = donderdagavond
pairing-slot_fri_am = vrijdagvoormiddag
pairing-slot_fri_pm = vrijdagnamiddag
pairing-slot_fri_eve = vrijdagavond
pairing-ask_language = In welke taal coach je het liefst?
pairing-ask_about = Vertel in één zin iets over jezelf. Je partner leest dit als eerste kennismaking. ✍️
pairing-ask_interests = Waar ben je graag mee bezig? Een paar woorden is genoeg (sport, muziek, tekenen, ...).
pairing-btn_skip = Overslaan
pairing-too_long = Dat is net iets te lang: hou het onder { $limit } tekens. Probeer je het nog eens?
pairing-profile_done = Top, je profiel staat klaar! Zodra je coördinator een ronde maakt, hoor je met wie je samenwerkt.
pairing-profile =
    🤝 <b>Jouw plek in de koppelpool · { $cohort }</b>

    <b>Status:</b> { $status }
    <b>Je wilt:</b> { $wants }
    <b>Je kunt:</b> { $slots }
    <b>Taal:</b> { $coach_language }
    <b>Over jou:</b> { $about }
    <b>Interesses:</b> { $interests }
pairing-status_active = je doet mee ✅
pairing-status_paused = je pauzeert tot { $date } ⏸
pairing-btn_edit = ✏️ Profiel aanpassen
pairing-btn_pause = ⏸ Even pauzeren
pairing-btn_resume = ▶️ Weer meedoen
pairing-btn_leave_pool = 🚪 Uit de pool stappen

## Pause and leave

pairing-ask_pause = Tot wanneer wil je pauzeren? In die tijd krijg je geen nieuwe partner.
pairing-btn_pause_until = { $weeks } wk, tot { $date }
pairing-btn_no_pause = Toch niet
pairing-paused = Oké, je pauzeert tot { $date }. Daarna doe je vanzelf weer mee; ik laat het je dan weten. 🌿
pairing-paused_matched = Oké, je pauzeert tot { $date }: in die tijd krijg je geen nieuwe partner. Je huidige koppeling loopt gewoon door.
pairing-resumed = Welkom terug! Je doet weer mee in de volgende ronde. ▶️
pairing-pause_over = Je pauze is voorbij, welkom terug! 🌱 Je staat weer in de koppelpool; je coördinator zoekt een partner voor je.
pairing-ask_leave = Wil je echt uit de koppelpool stappen? Je krijgt dan geen nieuwe partner meer. Terugkomen kan altijd met /pool.
pairing-btn_leave_yes = Ja, ik stap uit
pairing-btn_leave_no = Nee, ik blijf
pairing-left_pool = Je bent uit de koppelpool gestapt. Bedankt voor je inzet! Met /pool stap je weer in wanneer je wilt.
pairing-left_matched = Je bent uit de koppelpool gestapt: je krijgt geen nieuwe partner meer. Je huidige koppeling loopt gewoon door; wil je daar ook mee stoppen, gebruik dan /leave.
pairing-nothing_changed = Prima, er verandert niets.

## Do-not-pair

pairing-nopair_intro =
    🔒 <b>Liever niet met...</b>

    Tik op wie je liever niet als partner krijgt; nog eens tikken haalt iemand weer van je lijst. Alleen het koppelprogramma houdt hier rekening mee: niemand anders ziet je lijst, ook je coördinator niet.
pairing-nopair_nobody = Er staan nog geen klasgenoten in je groep. Kom later gerust terug.
pairing-nopair_added = Op je lijst gezet 🚫
pairing-nopair_removed = Van je lijst gehaald
pairing-btn_nopair_done = ✅ Klaar
pairing-nopair_saved = Bewaard: { $count } op je lijst. Niemand anders ziet dit. 🔒
pairing-btn_previous = ◀️ Vorige
pairing-btn_next = Volgende ▶️

## The coordinator's preview

pairing-pool_empty = Er staat nog niemand in de koppelpool van <b>{ $cohort }</b>. Leerlingen stappen zelf in met /pool; vraag ze gerust om dat te doen.
pairing-choose_scope =
    In <b>{ $cohort }</b> wachten nu op een partner: { $names }.

    Wil je alleen hen koppelen, zonder aan de andere duo's te komen, of een hele nieuwe ronde maken?
pairing-btn_only_waiting = 🔁 Alleen hen koppelen
pairing-btn_whole_round = 🆕 Hele nieuwe ronde
pairing-preview_title =
    <b>Voorstel ronde { $number } · { $cohort }</b>
    { $mode }
pairing-preview_repair_title =
    <b>Opnieuw koppelen · { $cohort }</b>
    Alleen deze mensen; alle andere duo's blijven zoals ze zijn.
pairing-preview_no_matches = Ik vind nog geen duo dat past.
pairing-preview_unpaired = <b>Zonder partner:</b>
pairing-preview_busy = Hebben al een partner (blijft zo): { $names }
pairing-preview_unreachable = Niet bereikbaar (hebben de bot geblokkeerd): { $names }
pairing-mode_reciprocal = Wederkerig: partners coachen elkaar.
pairing-mode_one_way = Eén richting: de een coacht, de ander wordt gecoacht.
pairing-btn_swap = 🔀 Wissel twee mensen
pairing-btn_lock = 🔒 Vastzetten
pairing-btn_rerun = 🎲 Opnieuw
pairing-btn_mode_one_way = ➡️ Eén richting
pairing-btn_mode_reciprocal = 🔁 Wederkerig
pairing-btn_confirm = ✅ Bevestigen
pairing-btn_discard = 🗑 Weggooien
pairing-btn_not_now_repair = ✖️ Nu niet
pairing-btn_back = ↩️ Terug
pairing-pick_lock = Welk duo zet je vast (of los)? Vastgezette duo's blijven staan als je opnieuw laat koppelen.
pairing-pick_swap_first = Wie wil je wisselen?
pairing-pick_swap_second = Met wie wisselt <b>{ $name }</b> van plaats?
pairing-swap_refused = { $a } en { $b } wisselen kan niet: dat botst met de regels van deze ronde. Probeer een andere wissel.
pairing-preview_changed = Dit voorstel is intussen veranderd. Hier is het nieuwste.
pairing-preview_gone = Dit voorstel is al bevestigd of weggegooid.
pairing-pool_changed = De pool is intussen veranderd (iemand kwam erbij, pauzeert of kreeg al een partner). Hier is een nieuw voorstel.
pairing-discarded = Weggegooid. Niemand heeft er iets van gemerkt. Met /pair begin je opnieuw.
pairing-discarded_repair = Oké, later. Met /pair zie je wie op een partner wacht en koppel je hen alsnog.
pairing-confirmed =
    ✅ <b>Bevestigd!</b> { $pairs ->
        [one] { $pairs } duo
       *[other] { $pairs } duo's
    } en { $triads ->
        [one] { $triads } trio
       *[other] { $triads } trio's
    }.

    { $told ->
        [one] { $told } leerling heeft bericht gekregen.
       *[other] { $told } leerlingen hebben bericht gekregen.
    } Zonder partner: { $unpaired }.
# Reasons, in a few words each.
pairing-why_locked = vastgezet
pairing-why_chosen_by_coordinator = door de coördinator gekozen
pairing-why_joined_as_third = { $names } kwam erbij als derde
pairing-why_new_pair = nieuw duo
pairing-why_new_trio = nieuw trio
pairing-why_repeat_pair = { $names } waren onlangs al partners
pairing-why_earlier_partner = { $names } werkten eerder al samen
pairing-why_shared = allebei { $slots }
pairing-why_shared_three = alle drie { $slots }
pairing-why_no_shared_availability = nog geen gedeeld moment
pairing-why_same_class = zelfde klas
pairing-why_other_class = andere klas
pairing-why_same_language = zelfde taal
pairing-why_different_language = andere voorkeurstaal
pairing-why_one_way_by_wishes = één richting, zoals ze wilden
pairing-why_older_coaches_younger = { $coach } is ouder en coacht { $coachee }
pairing-why_balances_giving = { $names } komen zo meer aan de beurt
pairing-left_paused = pauzeert
pairing-left_paused_until = pauzeert tot { $date }
pairing-left_no_compatible_partner = geen passende partner
pairing-left_partners_already_taken = wie past, heeft al een partner
pairing-left_swapped_out = door een wissel vrijgekomen
pairing-left_only_previous_partners = iedereen die past, was al eerder je partner

## What everyone hears after confirmation

pairing-intro =
    🤝 <b>{ $count ->
        [one] Je coachingspartner
       *[other] Je coachingspartners
    }: { $partners }</b>

    Waarom jullie: { $why }.
pairing-intro_partner =
    <b>{ $name }</b> over zichzelf: { $about }
    Interesses: { $interests }
pairing-intro_no_about = vertelt het je graag zelf 🙂
pairing-unpaired_paused = Er is een nieuwe koppelronde in <b>{ $cohort }</b>. Jij pauzeert tot { $until }, dus deze keer sla je over. Daarna doe je vanzelf weer mee. 🌿
pairing-unpaired_no_compatible_partner = Er is een nieuwe koppelronde in <b>{ $cohort }</b>. Ik vond deze keer nog geen partner die bij je wensen past. Dat ligt niet aan jou! Je blijft in de pool en je coördinator zoekt met je mee; je hoort het zodra er iemand is.
pairing-unpaired_partners_already_taken = Er is een nieuwe koppelronde in <b>{ $cohort }</b>. Wie bij je past, heeft deze keer al een partner. Je blijft in de pool: zodra er iemand vrijkomt, koppelt je coördinator jullie.
pairing-unpaired_swapped_out = Er is een nieuwe koppelronde in <b>{ $cohort }</b>. Voor jou is er deze keer nog geen partner. Je blijft in de pool en je coördinator zoekt verder; je hoort het zodra er iemand is.
pairing-unpaired_only_previous_partners = Er is een nieuwe koppelronde in <b>{ $cohort }</b>. Iedereen die bij je past, was al eens je partner, en in een nieuwe ronde krijg je steeds iemand nieuws. Daarom nu even niemand. Je blijft in de pool: komt er iemand nieuws bij, dan hoor je het meteen. 🌱
pairing-round_kept = Er is een nieuwe koppelronde in <b>{ $cohort }</b>. Voor jou verandert er niets: je gaat gewoon verder met je huidige partner. 👍

## Re-pairing

pairing-repair_notice =
    🔁 <b>Nieuwe partner nodig</b> · { $cohort }

    { $names }: { $reason }. Wat ze met elkaar bespraken, blijft van hen. Wil je hen opnieuw koppelen? De andere duo's blijven zoals ze zijn.
pairing-repair_reason_no_click = het klikte niet
pairing-repair_reason_partner_left = de partner is gestopt
pairing-repair_reason_unreachable = de partner is niet meer bereikbaar
pairing-repair_reason_silent_partner = de partner reageerde niet meer
pairing-repair_reason_pause_over = de pauze is voorbij
pairing-repair_reason_wants_partner = wil graag een nieuwe partner
pairing-repair_reason_other = de koppeling is beëindigd
pairing-btn_repair_now = 🔁 Nu opnieuw koppelen
pairing-repair_nobody = Niemand van hen wacht nog op een partner (ze hebben er al een, pauzeren of stapten uit de pool).
pairing-partner_none = Je hebt nu geen coachingspartner. Met /pool zie je je plek in de koppelpool.
pairing-partner_ask = Loopt er iets niet met je partner? Je coördinator kan helpen, vertrouwelijk: je partner hoort niet dat jij dit meldt.
pairing-btn_partner_silent = 😶 Mijn partner reageert niet meer
pairing-btn_partner_fine = 👍 Nee, alles oké
pairing-partner_fine = Fijn om te horen! Met /partner kun je het altijd laten weten.
pairing-partner_reported = Dank je dat je het laat weten. 💛 Je coördinator kijkt ernaar, vertrouwelijk. Je hoort snel hoe het verder gaat.
pairing-silent_notice =
    😶 <b>Een partner reageert niet meer</b>

    { $name } laat weten dat { $partners } niet meer reageert (samen sinds { $since }). { $partners } weet niet wie dit meldde.
pairing-btn_end_repair = 🔁 Koppeling beëindigen en opnieuw koppelen
pairing-btn_reach_out = 💬 Ik neem eerst zelf contact op
pairing-reach_out_ok = Goed, de koppeling loopt door. Lukt het toch niet? Dan kun je hier later alsnog beëindigen en opnieuw koppelen.
pairing-match_already_ended = Die koppeling is al beëindigd. Met /pair zie je wie op een partner wacht.
pairing-pause_offer = Hoi! Het lijkt erop dat reageren even lastig was, en dat is oké. 💛 Je koppeling is beëindigd, zonder verwijt. Wil je even pauzeren, of liever meteen een nieuwe partner?
pairing-btn_want_partner = 🔁 Graag een nieuwe partner
pairing-want_partner_ok = Top! Je coördinator zoekt een nieuwe partner voor je; je hoort het snel.
pairing-paused_notice = ⏸ { $name } pauzeert tot { $date }: in die tijd krijgt { $name } geen nieuwe partner.
pairing-quiet_offer = Hoi! Ik stuurde je de laatste tijd een paar berichtjes en hoorde even niets terug. Dat mag, soms is er gewoon veel tegelijk. 💛 Zou een pauze je helpen? Je coördinator weet het ook en denkt graag met je mee.
pairing-btn_still_here = 🙋 Ik ben er nog
pairing-still_here_ok = Fijn dat je er nog bent! 🌱 Jullie koppeling loopt gewoon door; met /talk zie je waar jullie staan.
pairing-still_here_notice = 🙋 { $name } laat weten er nog te zijn. De koppeling loopt door.
pairing-quiet_notice =
    🔕 <b>Even stil</b>

    { $name } liet { $count ->
        [one] het laatste berichtje
       *[other] de laatste { $count } berichtjes
    } van de bot onbeantwoord, sinds { $since } (gekoppeld met { $partners }).{ $asked }
# Komt achter de melding hierboven: Fluent haalt een spatie vooraan weg, dus staat die er als {" "}.
pairing-quiet_asked = {" "}Ik vroeg { $name } vriendelijk of een pauze zou helpen.
pairing-repair_unpaired = Je coördinator zocht een nieuwe partner voor je in <b>{ $cohort }</b>, maar wie bij je past, heeft nu al een partner. Dat ligt niet aan jou! Je blijft in de pool: zodra er iemand vrijkomt, hoor je het meteen.
pairing-repair_unpaired_before = Je coördinator zocht een nieuwe partner voor je in <b>{ $cohort }</b>. Wie nu vrij is en bij je past, was eerder al je partner, en je krijgt altijd iemand nieuws. Je blijft in de pool: zodra er iemand nieuws bij komt, hoor je het meteen. 🌱
pairing-repair_unpaired_no_fit = Je coördinator zocht een nieuwe partner voor je in <b>{ $cohort }</b>, maar er is nu nog niemand vrij die bij je wensen past. Dat ligt niet aan jou! Je blijft in de pool en hoort het meteen als er iemand is.

## /rounds: the running round, the ones before, ending and starting

pairing-rounds_overview =
    <b>Koppelrondes van { $cohort }</b>

    { $now }

    <b>Eerder:</b>
    { $history }
pairing-rounds_now = Nu loopt <b>ronde { $number }</b>, gestart op { $date }, met { $pairs ->
    [one] 1 koppel
   *[other] { $pairs } koppels
    }.
pairing-rounds_none_running = Er loopt nu geen ronde. { $pairs ->
    [0] Er zijn geen lopende koppels.
    [one] 1 koppel coacht nog door.
   *[other] { $pairs } koppels coachen nog door.
    }
pairing-rounds_no_history = nog geen afgeronde rondes
pairing-rounds_line = • Ronde { $number }: { $start } – { $end }, { $pairs ->
    [one] 1 koppel
   *[other] { $pairs } koppels
    }: { $finished } afgerond, { $dissolved } gestopt, { $running } coachen door{ $ending ->
    [keep] { " " }(gehouden)
    [close] { " " }(afgesloten)
   *[none] {""}
    }
pairing-btn_end_round = Ronde { $number } afronden
pairing-btn_next_round = Ronde { $number } starten
pairing-btn_open_draft = Het klaarstaande voorstel bekijken
pairing-round_end_choice =
    <b>Ronde { $round } afronden</b>

    Wat gebeurt er met { $pairs ->
        [one] het koppel dat nu loopt
       *[other] de { $pairs } koppels die nu lopen
    }?

    <b>Koppels houden:</b> ze coachen gewoon door; in de volgende ronde krijgen alleen mensen zonder partner iemand.
    <b>Trajecten afsluiten:</b> elk traject wordt netjes afgerond, niet afgebroken. Iedereen krijgt een warm bericht en houdt zijn logboek.
pairing-btn_keep_pairs = 🤝 Koppels houden
pairing-btn_close_pairs = 🏁 Trajecten afsluiten
pairing-round_ended_keep = ✅ Ronde { $round } van { $cohort } is afgerond. { $pairs ->
    [0] Er liepen geen koppels.
    [one] Het koppel coacht door en heeft een bericht gekregen.
   *[other] De { $pairs } koppels coachen door en hebben een bericht gekregen.
    }
pairing-round_ended_close = ✅ Ronde { $round } van { $cohort } is afgerond. { $pairs ->
    [0] Er liepen geen koppels.
    [one] Het traject van 1 koppel is afgesloten; beide partners kregen een warm bericht.
   *[other] De trajecten van { $pairs } koppels zijn afgesloten; iedereen kreeg een warm bericht.
    }
pairing-round_end_already = Die ronde van { $cohort } was al afgerond, of er is intussen een nieuwe begonnen. Er is niets dubbel gebeurd.
pairing-round_end_first = Rond eerst de ronde af die nu loopt; kies daarbij of de koppels doorgaan.
pairing-round_ended_kept = 🌿 De koppelronde in <b>{ $cohort }</b> is afgerond. Voor jou verandert er niets: jij en { $names } coachen gewoon samen door. Fijn dat jullie dat doen!
