## The dance check: three taps after a conversation, shown to the pair at the next start

dance-intro = 💃 <b>How did your dance go?</b> A conversation is a bit like dancing: sometimes you lead, sometimes { $name } does. Three taps, that's all. Only you and { $name } see your answers, side by side, when your next conversation starts.
dance-ask_led = <b>{ $number }/3 · Who led the conversation?</b>
dance-ask_rhythm = <b>{ $number }/3 · Did the pace suit you?</b>
dance-ask_heard = <b>{ $number }/3 · Did you feel heard?</b>
dance-btn_led_me = Me
dance-btn_led_other = { $name }
dance-btn_led_together = Together
dance-btn_rhythm_fast = Too fast
dance-btn_rhythm_right = Just right
dance-btn_rhythm_slow = Too slow
dance-btn_heard_yes = Yes
dance-btn_heard_partly = Partly
dance-btn_heard_no = No
dance-thanks = 💃 Thanks! When your next conversation starts, you and { $name } see each other's taps side by side.

dance-one = { $name }: <i>{ $answer }</i>
dance-led_together = together
dance-rhythm_fast = too fast
dance-rhythm_right = just right
dance-rhythm_slow = too slow
dance-heard_yes = yes
dance-heard_partly = partly
dance-heard_no = no
dance-line_led = 🕺 Who led: { $answers }
dance-line_rhythm = 🎵 Pace: { $answers }
dance-line_heard = 👂 Heard: { $answers }
dance-opener =
    💃 <b>Your dance last time</b>
    { $lines }

    💬 <b>To start with</b>
    { $question }
dance-open_not_heard = Not everyone felt fully heard. Ask each other: what helps you feel heard?
dance-open_rhythm = The pace didn't suit everyone. Ask each other: what pace suits you today?
dance-open_different = You saw differently who led. Ask each other: how could you tell who was leading?
dance-open_alone = One of you tapped it in. Ask the other: how was the last conversation for you?
dance-open_in_step = You saw it the same way and it suited you both. Ask each other: what did you do well that you want to keep?
