### Het coachingstraject, Nederlands.
### Sleutels zijn de sleutels uit de code met streepjes voor punten; sleutels en $variabelen gelijk houden met en/.
### Berichten zijn Telegram-HTML (de bot escapet de variabelen); knoppen zijn platte tekst.

trajectory-weekdays = ma,di,wo,do,vr,za,zo
trajectory-months = jan,feb,mrt,apr,mei,jun,jul,aug,sep,okt,nov,dec

## The steps

trajectory-step_contact = Kennismaken
trajectory-step_contract = Afspraken
trajectory-step_goal = Je doel
trajectory-step_route = De route
trajectory-step_path = Onderweg
trajectory-step_closing = Afronden
trajectory-step_closed = Afgerond
trajectory-step_dissolved = Gestopt

## Starting a match

trajectory-start_reciprocal =
    🤝 <b>Zo werken jullie samen</b>
    Jullie coachen elkaar om de beurt: de ene keer ben jij de coach, de andere keer { $others }. Eerst leren jullie elkaar kennen.
trajectory-start_one_way =
    🤝 <b>Zo werken jullie samen</b>
    { $coach } is de coach en { $coachee } de coachee. Eerst leren jullie elkaar kennen.
trajectory-start_triad =
    🤝 <b>Zo werken jullie samen</b>
    Jullie zijn met z'n drieën: jij, { $others }. Bij elk gesprek is er een coach, een coachee en een observator, en die rollen wisselen elke keer. Eerst leren jullie elkaar kennen.
trajectory-home =
    📍 <b>Waar jullie staan</b>
    { $lines }

    Zitten jullie klaar? Tik op ▶️ om het gesprek te beginnen. Of plan eerst een moment.
trajectory-home_coach = { $emoji } Jij coacht { $name }: <b>{ $step }</b>
trajectory-home_coachee = { $emoji } { $name } coacht jou: <b>{ $step }</b>
trajectory-home_observer = { $emoji } { $coach } coacht { $coachee }: <b>{ $step }</b>
trajectory-home_next_chat = ▶️ Volgende gesprek: { $coach } coacht { $coachee }, hier in de chat. Na de start wissel je met één tik.
trajectory-home_next_face = ▶️ Volgende gesprek: { $coach } coacht { $coachee }, in het echt. Na de start wissel je met één tik.
trajectory-btn_start = ▶️ Start ons gesprek
trajectory-btn_plan = 📅 Plan een moment
trajectory-no_match = Je hebt nu geen coachingspartner. Zodra je gekoppeld bent, laat ik het je weten. 🙂

## Starting a conversation

trajectory-who = Wie coacht er in dit gesprek?
trajectory-who_i_coach = Ik coach { $name }
trajectory-who_coaches_me = { $name } coacht mij
trajectory-who_others = { $coach } coacht { $coachee }
trajectory-mode = Waar praten jullie, { $coach } en { $coachee }?
trajectory-btn_mode_chat = 💬 Hier in de chat
trajectory-btn_mode_face = 🪑 Samen, in het echt
trajectory-btn_swap = 🔄 Wissel: { $name } coacht
trajectory-btn_where_face = 🪑 Toch in het echt
trajectory-btn_where_chat = 💬 Toch hier in de chat
trajectory-mode_now_face = 🪑 Jullie praten nu in het echt. Wat je hier typt, stuur ik niet door.
trajectory-mode_now_chat = 💬 Jullie praten nu hier in de chat. Wat de coach en de coachee typen, stuur ik naar elkaar door.
trajectory-already_started = Jullie gesprek is al begonnen. Hier is je kaart.
trajectory-begun =
    ▶️ <b>Jullie gesprek is begonnen!</b>
    { $coach } coacht, { $coachee } is coachee. Stap: <b>{ $step }</b>.

    { $how }
trajectory-begun_chat = Wat je hier typt, stuur ik door naar { $others }. Ik bewaar het niet.
trajectory-begun_chat_observer = { $coach } en { $coachee } praten hier in de chat en jij leest mee. Als observator kijk en luister je: wat jij typt, geef ik niet door.
trajectory-begun_face = Jullie praten in het echt. Ik ben het spiekbriefje van de coach en het logboek van de coachee.
trajectory-coach_intro =
    🧭 <b>Voor jou als coach</b>
    { $intro }
trajectory-coach_card =
    { $emoji } <b>{ $step }</b> · { $theme }

    ❓ { $question }

    <i>Vraag { $number } van { $count }. Stel hem in je eigen woorden, of laat mij hem sturen.</i>
trajectory-btn_ask = 💬 Stel deze vraag
trajectory-btn_another = 🔄 Andere vraag
trajectory-btn_theme = ⏭ Ander onderwerp
trajectory-btn_have_written = 📝 Laat { $name } het opschrijven
trajectory-btn_my_compliment = 💐 Mijn compliment
trajectory-btn_end = ⏹ Gesprek afronden
trajectory-asked = ❓ <b>{ $name }</b> vraagt: { $question }
trajectory-asked_toast = Verstuurd ✔️
trajectory-write_requested = Ik vraag { $name } om het op te schrijven ✔️
trajectory-notebook =
    📓 <b>Jouw logboek · { $step }</b>
    Tik op wat je wilt opschrijven. Alleen jij en je coach zien het.
trajectory-observer_card =
    👀 <b>Jij bent de observator</b>
    { $intro }

    { $coach } coacht { $coachee }. Stap: <b>{ $step }</b>. Let op:
    { $prompts }
trajectory-observer_quiet = Als observator kijk je mee zonder mee te praten. Na het gesprek geef je je feedback. 👀
trajectory-face_to_face = Jullie praten nu in het echt, dus ik stuur niets door. Wil je iets opschrijven? Gebruik de knoppen van je logboek.
trajectory-relayed = 💬 <b>{ $name }</b>: { $text }
trajectory-relayed_caption = 💬 <b>{ $name }</b>: { $caption }
trajectory-media_refused = Dit soort bericht kan ik niet doorgeven. Foto's, spraakberichten en bestanden lukken wel, en tekst natuurlijk ook.
trajectory-ended = ⏹ Het gesprek is afgerond. Goed gedaan, allebei! 👏
trajectory-ended_triad = ⏹ Het gesprek is afgerond. Goed gedaan, alle drie! 👏
trajectory-already_ended = Dit gesprek is al afgerond.
trajectory-stale = Deze kaart hoort bij een eerder moment. Kijk even bij de nieuwste.
trajectory-stale_ended = Deze coaching is afgelopen, dus deze knop doet niets meer. Wat je schreef, blijft van jou.
trajectory-stale_text = Dat hoorde bij iets wat niet meer loopt, dus ik heb het niet bewaard. Met /talk zie je waar jullie nu zijn.
trajectory-click_pending = Eerst nog even de klik-vraag: die staat hierboven. 🙂

## Moving on

trajectory-btn_next_route = ➡️ Op naar de route
trajectory-btn_next_path = ➡️ Op weg!
trajectory-btn_back_goal = ↩️ Terug naar het doel
trajectory-btn_replan = 🗺 Route opnieuw
trajectory-btn_start_closing = 🏁 Afronden
trajectory-btn_finish = ✅ Klaar om af te sluiten
trajectory-btn_resume_path = ↩️ Nog even verder
trajectory-next_asked = Top! Ik vraag { $name } om het vast te leggen en te bevestigen.
trajectory-new_step_head = { $emoji } <b>Nieuwe stap: { $step }</b>
trajectory-new_step =
    { $emoji } <b>Nieuwe stap: { $step }</b>
    { $intro }
trajectory-waiting_for = ✔️ Genoteerd. Nu nog even wachten op { $name }.
trajectory-confirm_goal =
    🎯 <b>Je doel</b>
    { $goal }

    📊 Je staat nu op <b>{ $scale }</b> van de 10.

    Is dit jouw doel, zoals jij het zou zeggen?
trajectory-btn_confirm_goal = ✅ Ja, dit is mijn doel
trajectory-btn_rewrite_goal = ✏️ Anders opschrijven
trajectory-more_stages = Nog een etappe erbij, of door naar je eerste kleine stap?
trajectory-btn_more_stage = ➕ Nog een etappe
trajectory-btn_to_steps = ➡️ Naar mijn stap
trajectory-replan_route =
    🗺 <b>Jouw route, zoals hij nu is</b>

    <b>Etappes</b>
    { $stages }

    <b>Kleine stappen</b>
    { $steps }

    Wat klopt er niet meer? Pas een stap aan (✏️), laat hem vallen (🗑) of zet een nieuwe etappe of stap erbij. Klaar? Dan ga je weer op weg.
trajectory-confirm_route =
    🗺 <b>Jouw route</b>

    <b>Etappes</b>
    { $stages }

    <b>Kleine stappen</b>
    { $steps }

    Ga je zo op weg?
trajectory-btn_confirm_route = ✅ Zo ga ik op weg
trajectory-btn_add_step = ➕ Nog een stap
trajectory-confirm_close = 🏁 Alles staat in het logboek. Ronden jullie de coaching samen af?
trajectory-btn_close = ✅ Ja, we ronden af
trajectory-btn_not_yet = ↩️ Nog niet
trajectory-not_yet = Prima, jullie gaan nog even door.
trajectory-closing_due = 🏁 Jullie hebben alle afgesproken gesprekken gehad. Tijd om met { $name } af te ronden? Dat kan in het volgende gesprek met de knop 🏁 Afronden.
trajectory-closed_goes_on_coach = 🎉 <b>Klaar!</b> Jouw coaching van { $name } is afgerond. Dank je wel voor je inzet! De andere kant loopt gewoon door: { $name } blijft jou coachen. Je logboek blijft van jou: /journal.
trajectory-closed_goes_on_coachee = 🎉 <b>Klaar!</b> De coaching die jij van { $name } kreeg is afgerond. Dank je wel voor wat je hebt gedeeld! De andere kant loopt gewoon door: jij blijft { $name } coachen. Je logboek blijft van jou: /journal.
trajectory-closed = 🎉 <b>Klaar!</b> Jullie coaching is afgerond. Dank je wel voor je inzet, en voor wat je met { $name } hebt gedeeld. Je logboek blijft van jou: /journal.
trajectory-closed_observed = 🎉 De coaching van { $coach } en { $coachee } is afgerond. Dank je wel dat je als observator meekeek!
trajectory-match_closed = Jullie afspraken zijn afgesloten. Dit was het: knap gedaan! 🌟
trajectory-round_closed = 🌟 Je coördinator heeft deze coachingronde afgesloten, en daarmee is jullie traject klaar. Dank je wel voor alles wat je met { $names } hebt gedaan: dat telt! Je logboek blijft van jou (/journal). In een volgende ronde krijg je iemand nieuws.
trajectory-refused_contract_agreed = Eerst moeten alle afspraken rond zijn. Kijk even bij /contract.
trajectory-refused_goal_captured = Eerst schrijft de coachee het doel op, in eigen woorden.
trajectory-refused_goal_scaled = Eerst geeft de coachee een cijfer van 0 tot 10.
trajectory-refused_route_planned = Voor de route is er minstens één etappe en één kleine stap nodig.
trajectory-refused_learning_captured = Eerst schrijft de coachee op wat hij of zij heeft geleerd.
trajectory-refused_wrong_step = Dat past niet bij de stap waar jullie nu zijn. Met /talk zie je waar jullie staan.
trajectory-refused_terminal = Deze coaching is al afgelopen.
trajectory-refused_not_your_role = Dat is aan je partner, niet aan jou. 🙂
trajectory-refused_other = Dat lukt nu niet. Met /talk zie je waar jullie staan.

## Writing things down

trajectory-prompt =
    ✏️ { $prompt }

    <i>Typ je antwoord hieronder.</i>
trajectory-prompt_scale = 📊 { $prompt }
trajectory-prompt_role = 🎭 { $prompt }
trajectory-prompt_date = 📅 Wanneer wil je deze stap gezet hebben?
trajectory-prompt_change_text = ✏️ Hoe luidt je stap nu? Typ de nieuwe woorden hieronder.
trajectory-in_days_1 = Morgen ({ $day })
trajectory-in_days_3 = Over 3 dagen ({ $day })
trajectory-in_days_7 = Over een week ({ $day })
trajectory-in_days_14 = Over 2 weken ({ $day })
trajectory-btn_drop = ✖️ Laat maar
trajectory-btn_skip = ⏭ Overslaan
trajectory-saved = ✅ Staat in je logboek.
trajectory-dropped = Oké, niets bewaard.
trajectory-use_buttons = Hier past een knop beter: tik op een van de knoppen hieronder. 👇
trajectory-too_long_goal = Mooi verhaal! Lukt het om je doel in één of twee zinnen te zeggen? Maximaal { $limit } tekens.
trajectory-too_long_note = Dat is veel! Kun je het wat korter zeggen? Maximaal { $limit } tekens.
trajectory-too_long_step = Een kleine stap past in één zin: maximaal { $limit } tekens. Probeer je het nog eens?
trajectory-capture_refused = Dat kan ik nu niet bewaren: jullie zijn inmiddels bij een andere stap. Met /talk zie je waar jullie staan.
trajectory-coach_compliment_prompt = 💐 Welk compliment geef je { $name }? Wat waardeer je?
trajectory-compliment_from =
    💐 <b>{ $name }</b> geeft je een compliment:
    { $text }
trajectory-shared_note =
    📝 <b>{ $name }</b> schreef op · <i>{ $label }</i>
    { $text }
trajectory-shared_scale = 📊 <b>{ $name }</b> geeft zichzelf nu een <b>{ $text }</b> van de 10.
trajectory-role_asked = 🎭 { $name } vraagt je vandaag om vooral <b>{ $role }</b> te zijn.

## Small steps

trajectory-steps =
    🌱 <b>Jouw kleine stappen</b>
    { $lines }
trajectory-steps_hint = Tik ✅ als het gelukt is, ✏️ om iets aan te passen, 🗑 om een stap te laten vallen.
trajectory-steps_none = Je hebt nog geen kleine stappen. Die maak je samen met je coach bij de route. 🗺
trajectory-step_line = { $mark } { $number }. { $text } <i>({ $due })</i>
trajectory-change_what = Wat wil je aanpassen?
trajectory-btn_change_text = ✏️ De woorden
trajectory-btn_change_date = 📅 De datum
trajectory-small_done = 🎉 Top, stap gezet: { $step }
trajectory-small_dropped = Oké, deze stap laat je vallen: { $step }. Ook dat is een keuze.
trajectory-small_changed = ✏️ Aangepast: { $step }
trajectory-coach_small_done = 🎉 { $name } zette een stap: { $step }
trajectory-coach_small_dropped = ➖ { $name } liet een stap vallen: { $step }
trajectory-coach_small_changed = ✏️ { $name } paste een stap aan: { $step }
trajectory-step_unchanged = Die stap kan ik nu niet aanpassen. Misschien was het al zo, of jullie zijn bij een andere stap.
trajectory-btn_step_done = ✅ Gelukt
trajectory-btn_step_change = ✏️ Aanpassen
trajectory-btn_step_drop = 🗑 Laat vallen
trajectory-nudge = 🌱 Hoe ging het met je stap <b>{ $step }</b>? Geen stress: ook bijsturen is goed.

## Journal

trajectory-journal_mine = 📓 <b>Jouw logboek</b> (je coach: { $coach })
trajectory-journal_coachee = 📓 <b>Logboek van { $name }</b> (jij bent de coach)
trajectory-journal_coachee_ended = 📓 Je coaching met { $name } is afgerond, dus het logboek is nu weer alleen van { $name }. Je eigen rollen en reflecties staan nog in /log.
trajectory-journal_step = { $emoji } Nu: <b>{ $step }</b>
trajectory-journal_goal =
    🎯 <b>Doel</b>
    { $goal }
trajectory-journal_scales =
    📊 <b>Cijfers</b>
    { $scales }
trajectory-journal_stages =
    🚩 <b>Etappes</b>
    { $stages }
trajectory-journal_steps =
    🌱 <b>Kleine stappen</b>
    { $steps }
trajectory-journal_notes =
    📝 <b>Notities</b>
    { $notes }
trajectory-journal_note = <i>{ $label }</i>: { $text }
trajectory-journal_meetings =
    💬 <b>Gesprekken</b>
    { $dates }
trajectory-journal_none_goal = nog geen doel
trajectory-journal_none_scales = nog geen cijfer
trajectory-journal_none_stages = nog geen etappes
trajectory-journal_none_steps = nog geen kleine stappen
trajectory-journal_none_notes = nog niets opgeschreven
trajectory-journal_none_meetings = nog geen gesprekken
trajectory-journal_next = 📅 Volgend gesprek: { $when }
trajectory-journal_style = 🪞 <b>Jouw coachstijl</b> ({ $count ->
        [one] { $count } reflectie
       *[other] { $count } reflecties
    }): { $roles }
trajectory-goal_none = Je hebt nog geen doel opgeschreven. Dat doe je samen met je coach bij de stap ‘Je doel’. 🎯
trajectory-goal_now =
    🎯 <b>Je doel</b>
    { $goal }

    📊 Je staat op <b>{ $scale }</b> van de 10.
trajectory-goal_only =
    🎯 <b>Je doel</b>
    { $goal }

## Contract

trajectory-contract_intro =
    📝 <b>Jullie afspraken</b>
    { $intro }
trajectory-contract_item =
    📝 <b>Afspraak { $number } van { $count }</b>
    { $question }
trajectory-contract_whole =
    📝 <b>Alle afspraken op een rij</b>
    Zo doen de meeste duo's het. Past het jullie { $people ->
        [2] allebei
       *[other] alle drie
    }? Dan ben je met één tik klaar. Wil je iets anders, pas dan één afspraak aan.

    { $lines }
trajectory-contract_whole_proposed = 💬 <i>{ $label }</i>: { $value } (voorstel van { $name })
trajectory-contract_whole_you_agreed = ✔️ Jij bent akkoord met alles. Zodra iedereen akkoord is, staan jullie afspraken.
trajectory-contract_whole_others_agreed = ✔️ { $names } { $count ->
        [one] is
       *[other] zijn
    } al akkoord met alles.
trajectory-btn_agree_all = ✅ Akkoord met alles
trajectory-btn_change_one = ✏️ Eén aanpassen
trajectory-contract_all_waiting = ✔️ Genoteerd, jij bent akkoord met alles. Zodra iedereen akkoord is, staan jullie afspraken.
trajectory-contract_proposed = 💬 { $name } stelt voor: <b>{ $value }</b>
trajectory-contract_default_agreed = ▫️ Het standaardvoorstel: <b>{ $value }</b>. { $name } vindt het goed zo.
trajectory-contract_you_chose = ✔️ Jij koos: <b>{ $value }</b>. Zodra iedereen akkoord is, staat de afspraak.
trajectory-contract_sent = ✔️ Je voorstel is doorgegeven: <b>{ $value }</b>. Zodra iedereen akkoord is, staat de afspraak.
trajectory-contract_type =
    ✏️ { $question }

    <i>Typ je eigen voorstel hieronder.</i>
trajectory-contract_agreed = 🤝 Afgesproken · <i>{ $label }</i>: { $value }
trajectory-contract_needs_number = Noem een aantal gesprekken tussen 1 en 30, bijvoorbeeld ‘5 gesprekken’.
trajectory-contract_too_long = Kun je het wat korter zeggen? Eén zin is genoeg.
trajectory-contract_head = 📝 <b>Jullie afspraken</b>
trajectory-contract_head_accept = 📝 <b>Alle afspraken zijn rond!</b> Spreken jullie het zo af?
trajectory-contract_head_revisit = 📝 <b>Jullie afspraken tot nu toe</b>
trajectory-contract_line = { $mark } <i>{ $label }</i>: { $value }
trajectory-contract_line_open = ⬜ <i>{ $label }</i>: nog open
trajectory-btn_accept_contract = ✅ Zo spreken we het af
trajectory-btn_adjust = ✏️ Iets aanpassen
trajectory-contract_waiting = ✔️ Genoteerd! Zodra iedereen akkoord is, gaan we verder.
trajectory-contract_not_ready = Nog niet alle afspraken zijn rond. Kijk even bij /contract.
trajectory-contract_done = 🎉 <b>Jullie afspraken staan!</b> Met /contract zie je ze altijd terug.
trajectory-contract_later = De afspraken maken jullie na het kennismaken.
trajectory-contract_closed = 🏁 Deze afspraken zijn samen afgesloten op { $day }.
trajectory-contract_ended = Deze koppeling is gestopt, dus deze afspraken gelden niet meer.
trajectory-contract_standing = Deze afspraken gelden. Na de helft van de gesprekken kijken jullie er samen nog eens naar.
trajectory-contract_which = Welke afspraak wil je aanpassen?
trajectory-revisit_intro =
    🔁 <b>Halverwege!</b>
    { $intro }
trajectory-revisit_done = 🤝 Jullie afspraken blijven staan. Op naar de tweede helft!
trajectory-item_period = Periode
trajectory-item_conversations = Aantal gesprekken
trajectory-item_rhythm = Hoe vaak
trajectory-item_channel = Waar
trajectory-item_confidentiality = Wat tussen ons blijft
trajectory-item_coach_scope = Wat de coach doet
trajectory-item_feedback = Feedback
trajectory-item_no_show = Als iemand er niet is

## Click check and endings

trajectory-click_question = 🤔 { $question }
trajectory-click_already = Je hebt deze vraag al beantwoord. Dank je!
trajectory-click_matched = 🎉 { $text }
trajectory-dissolved_no_click = 💛 { $text }
trajectory-dissolved_partner_left = 💛 { $name } stopt met de coaching. Dat ligt niet aan jou! Je coördinator zoekt een nieuwe partner voor je.
trajectory-dissolved_partner_gone = 💛 Je coachingspartner is gestopt met PeerCoach. Dat ligt niet aan jou! Je coördinator zoekt een nieuwe partner voor je.
trajectory-dissolved_unreachable = 💛 Ik kan { $name } niet meer bereiken. Jammer! Je coördinator zoekt een nieuwe partner voor je.
trajectory-dissolved_coordinator_ended = 💛 Je coördinator heeft jullie koppeling beëindigd. Niemand heeft iets fout gedaan; je hoort snel hoe het verder gaat.
trajectory-dissolved_round_ended = 🌟 Deze coachingronde is afgelopen. Bedankt voor alles wat jullie samen deden! Je logboek blijft van jou (/journal), en in de volgende ronde krijg je een nieuwe partner.
trajectory-you_left = Oké, je bent gestopt met deze coaching. Bedankt voor wat je hebt gedaan! Je logboek blijft van jou: /journal.
trajectory-leave_confirm = Wil je echt stoppen met deze coaching? Je partner hoort dat je stopt, en de coördinator zoekt een nieuwe partner voor hem of haar.
trajectory-btn_leave_yes = Ja, ik stop
trajectory-btn_leave_no = Nee, ik ga door
trajectory-stay = Fijn, jullie gaan door! 💪

## Planning and reminders

trajectory-plan_day = 📅 Wanneer is jullie volgende gesprek? Kies een dag.
trajectory-plan_time = 📅 { $day }: hoe laat?
trajectory-btn_other_day = ↩️ Andere dag
trajectory-planned = 📅 Gepland: <b>{ $when }</b>. Ik herinner jullie { $people ->
        [2] allebei
       *[other] alle drie
    } de dag ervoor en een uur van tevoren.
trajectory-planned_by = 📅 { $name } plande jullie volgende gesprek: <b>{ $when }</b>. Past het niet? Plan een ander moment met /plan.
trajectory-reminder_day_before = ⏰ Morgen is jullie coachingsgesprek: <b>{ $when }</b>. Tot dan!
trajectory-reminder_hour_before = ⏰ Over een uur is jullie coachingsgesprek: <b>{ $when }</b>. Tik dan op ▶️ via /talk.
trajectory-met_question = 💬 Hebben jullie elkaar gesproken ({ $when })?
trajectory-btn_met_yes = ✅ Ja
trajectory-btn_met_no = ❌ Nee, het lukte niet
trajectory-met_already = Dit is al beantwoord. Dank je!
trajectory-met_yes = ✔️ { $name } gaf door dat jullie elkaar spraken. Fijn!
trajectory-met_no = ✔️ { $name } gaf door dat het gesprek niet lukte. Geen probleem: plan gerust een nieuw moment.

## Reflection and observation

trajectory-reflect_offer = 🪞 { $intro }
trajectory-btn_reflect = 🪞 Even terugkijken
trajectory-btn_later = Nu niet
trajectory-later = Oké, een andere keer.
trajectory-tension =
    { $prompt }

    <b>{ $number }/{ $count }</b>: 1 = { $left } · 5 = { $right }
trajectory-reflect_question =
    { $intro }

    🪞 <b>Vraag { $number } van { $count }</b>
    { $question }
trajectory-reflect_saved = ✅ Dank je! Je reflectie staat in je coachlogboek. Zo zie je je stijl groeien: lees het terug met /log.
trajectory-reflect_done_before = Over dit gesprek heb je al nagedacht. Dank je!
trajectory-observe_offer =
    👀 { $intro }
    Je feedback gaat naar { $coach }.
trajectory-btn_observe = ✍️ Feedback geven
trajectory-reflect_cancelled = Oké, gestopt. Je terugblik is niet bewaard. Wil je toch even terugkijken? Tik hieronder, dan begin je opnieuw.
trajectory-observe_cancelled = Oké, gestopt. Je feedback is niet bewaard en { $coach } heeft nog niets gekregen. Wil je toch feedback geven? Tik hieronder, dan begin je opnieuw.
trajectory-observe_empty = Je hebt alles overgeslagen, dus er gaat geen feedback naar de coach. Ook goed!
trajectory-observe_saved = ✅ Dank je! Je feedback is naar { $coach } gestuurd.
trajectory-feedback_from = 👀 <b>Feedback van { $name }</b> (observator)
trajectory-feedback_line =
    <i>{ $question }</i>
    { $answer }

## A cohort's own script

trajectory-script_not_allowed = Alleen coördinatoren kunnen een eigen coachingsscript instellen.
trajectory-script_pick_cohort = Voor welke groep is het script?
trajectory-script_language = 📜 Eigen script voor <b>{ $cohort }</b>. In welke taal?
trajectory-script_send =
    📜 Stuur me nu het script voor <b>{ $cohort }</b> als bestand (.toml).

    Zet erin wat je anders wilt, bijvoorbeeld <code>[goal.coach.themes.dream]</code>. Wat je weglaat, blijft zoals het standaardscript. /cancel om te stoppen.
trajectory-btn_script_reset = ↩️ Terug naar het standaardscript
trajectory-script_file_please = Stuur het script als bestand (een document), niet als tekst. /cancel om te stoppen.
trajectory-script_too_big = Dat bestand is te groot voor een script. Houd het onder de 64 kB.
trajectory-script_unreadable = Ik kon dat bestand niet lezen. Is het een tekstbestand (UTF-8)? Probeer het gerust nog eens.
trajectory-script_invalid =
    ⚠️ Het script klopt nog niet:
    <pre>{ $problems }</pre>
    Pas het aan en stuur het opnieuw.
trajectory-script_saved = ✅ Het script is opgeslagen. Nieuwe kaarten in deze groep gebruiken het meteen.
trajectory-script_reset = ↩️ { $cohort } gebruikt weer het standaardscript.

## Iemand die zijn gegevens liet wissen

trajectory-former_partner = een vroegere partner
