## The dance check: three taps after a conversation, shown to the pair at the next start

dance-intro = 💃 <b>Hoe ging jullie dans?</b> Een gesprek is een beetje dansen: soms leid jij, soms { $name }. Drie tikjes, meer niet. Alleen jij en { $name } zien jullie antwoorden, naast elkaar, bij de start van jullie volgende gesprek.
dance-ask_led = <b>{ $number }/3 · Wie leidde het gesprek?</b>
dance-ask_rhythm = <b>{ $number }/3 · Paste het tempo bij jou?</b>
dance-ask_heard = <b>{ $number }/3 · Voelde je je gehoord?</b>
dance-btn_led_me = Ik
dance-btn_led_other = { $name }
dance-btn_led_together = Samen
dance-btn_rhythm_fast = Te snel
dance-btn_rhythm_right = Precies goed
dance-btn_rhythm_slow = Te langzaam
dance-btn_heard_yes = Ja
dance-btn_heard_partly = Een beetje
dance-btn_heard_no = Nee
dance-thanks = 💃 Dank je! Bij de start van jullie volgende gesprek zien jij en { $name } elkaars tikjes naast elkaar.

dance-one = { $name }: <i>{ $answer }</i>
dance-led_together = samen
dance-rhythm_fast = te snel
dance-rhythm_right = precies goed
dance-rhythm_slow = te langzaam
dance-heard_yes = ja
dance-heard_partly = een beetje
dance-heard_no = nee
dance-line_led = 🕺 Wie leidde: { $answers }
dance-line_rhythm = 🎵 Tempo: { $answers }
dance-line_heard = 👂 Gehoord: { $answers }
dance-opener =
    💃 <b>Jullie dans van vorige keer</b>
    { $lines }

    💬 <b>Om mee te beginnen</b>
    { $question }
dance-open_not_heard = Niet iedereen voelde zich helemaal gehoord. Vraag elkaar: wat helpt jou om je gehoord te voelen?
dance-open_rhythm = Het tempo paste niet bij iedereen. Vraag elkaar: welk tempo past vandaag bij jou?
dance-open_different = Jullie zagen verschillend wie er leidde. Vraag elkaar: waaraan merkte jij wie er leidde?
dance-open_alone = Eén van jullie tikte het in. Vraag de ander: hoe was het vorige gesprek voor jou?
dance-open_in_step = Jullie zagen het hetzelfde en het paste bij jullie allebei. Vraag elkaar: wat deden jullie goed dat je wilt houden?
