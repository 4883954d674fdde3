"""The words of the demo: clearly fictional names, and short texts in the voice of the practice.

Everything a demo record says comes from here, so that one test can read every phrase for deficit
words. Texts are made from small pieces filled with a person's own details (what they love, the people
in their life, the places they go), so that two people's conversations rarely read the same.

Plain Python, no Frappe: demo_journeys.py picks from these with a seeded random generator.
"""

# First names from the many communities of England and Wales; with an initial, never a surname, so
# that no demo person can be mistaken for someone real.
FIRST_NAMES = (
	"Aled", "Amani", "Amira", "Anwen", "Arlo", "Asha", "Ayo", "Bea", "Bethan", "Bilal", "Bronwen",
	"Caleb", "Cai", "Carys", "Cerys", "Chidi", "Ciaran", "Dafydd", "Dani", "Dara", "Darius", "Dee",
	"Deniz", "Dev", "Dylan", "Eben", "Efa", "Elif", "Ellis", "Emre", "Eryl", "Esme", "Ezra", "Fatima",
	"Femi", "Ffion", "Finn", "Gethin", "Grace", "Gwen", "Hana", "Harri", "Hassan", "Hollie", "Ianto",
	"Idris", "Ifan", "Imani", "Indira", "Iolo", "Isla", "Jac", "Jade", "Jamal", "Jaz", "Jem", "Jess",
	"Joss", "Jude", "Kai", "Kasia", "Keri", "Kez", "Kofi", "Lale", "Lena", "Leon", "Lewys", "Lila",
	"Lior", "Luca", "Lowri", "Maja", "Malik", "Mared", "Marek", "Mali", "Mina", "Mo", "Nadia", "Nell",
	"Nia", "Nico", "Noor", "Obi", "Olek", "Osian", "Owain", "Pip", "Priya", "Quinn", "Rafi", "Rhys",
	"Ria", "Rohan", "Rosa", "Rowan", "Ruby", "Safa", "Sami", "Seren", "Shay", "Sian", "Sol", "Stevie",
	"Suki", "Tam", "Tariq", "Teg", "Tomos", "Tova", "Uma", "Vic", "Wren", "Yara", "Yusuf", "Zain",
	"Zara", "Zeki",
)  # fmt: skip
INITIALS = "ABCDEFGHJKLMNPRSTVWY"

STAFF_FIRST_NAMES = (
	"Alex", "Bryn", "Cat", "Dom", "Elin", "Fran", "Gabe", "Hari", "Ines", "Jo", "Kit", "Lou", "Manon",
	"Nye", "Ola", "Pat", "Rae", "Sam", "Tegan", "Val",
)  # fmt: skip

TEAM_PLACES = (
	"Ashgrove", "Bridge Street", "Canal Side", "Dovecote", "Elm Park", "Ferry Lane", "Glanrafon",
	"Hillcrest", "Ivy Row", "Kestrel Road", "Larkfield", "Millbrook", "Northgate", "Orchard Way",
	"Pentre", "Quarry Hill", "Riverside", "Stonebridge", "Tŷ Gwyn", "Upper Mill", "Valley Road",
	"Willow Bank", "Yew Tree",
)  # fmt: skip
TEAM_SIDES = ("", " North", " South", " East", " West", " Central")
DELIVERY_PARTNERS = ("Brightwater Trust", "Open Door Partnership", "Harbour Light Coaching")

PRONOUNS = ("she/her", "he/him", "they/them")

INTERESTS = (
	"fishing", "drawing", "football", "baking", "gardening", "music", "cycling", "chess", "poetry",
	"photography", "running", "cooking", "fixing bikes", "knitting", "rugby", "swimming", "singing",
	"woodwork", "birdwatching", "boxing", "dancing", "reading", "video games", "the guitar",
)  # fmt: skip
PLACES = (
	"the park by the river", "the café on the high street", "the library", "the allotments",
	"the market", "the community centre", "the canal path", "the bandstand", "the bus station café",
	"the leisure centre", "the chip shop on the corner", "the bench by the war memorial",
)  # fmt: skip
# Someone close, as the person says it ({close}) and as their coach writes it ({their_close}).
PEOPLE_CLOSE = (
	("my sister {n}", "their sister {n}", "Family"), ("my brother {n}", "their brother {n}", "Family"),
	("Mum", "their mum", "Family"), ("Dad", "their dad", "Family"), ("Nan", "their nan", "Family"),
	("my daughter {n}", "their daughter {n}", "Family"), ("my son {n}", "their son {n}", "Family"),
	("my aunt {n}", "their aunt {n}", "Family"), ("{n}, my best mate", "{n}, their best mate", "Friend"),
	("{n} from school", "{n} from school", "Friend"), ("{n} next door", "{n} next door", "Neighbour"),
	("{n} upstairs", "{n} upstairs", "Neighbour"),
)  # fmt: skip
PEOPLE_LATER = (
	("The Tuesday walking group", "Group"), ("The community garden", "Group"), ("The choir", "Group"),
	("{n} from the allotment", "Friend"), ("{n} at the café", "Friend"), ("The five-a-side team", "Sport"),
	("The boxing club", "Sport"), ("The church on Park Road", "Faith"), ("The mosque", "Faith"),
	("The college", "Learning"), ("The reading group at the library", "Learning"),
	("{n} at work", "Work"), ("The library", "Place"), ("The park", "Place"), ("My dog {pet}", "Pet"),
	("My cat {pet}", "Pet"), ("The men's shed", "Group"), ("The repair café", "Group"),
)  # fmt: skip
SERVICE_CONNECTIONS = (
	"My worker at the housing team",
	"The GP",
	"The Jobcentre",
	"The drop-in",
	"My probation officer",
)
PET_NAMES = ("Biscuit", "Pepper", "Bramble", "Dotty", "Rolo", "Smudge", "Taffy", "Pickle")

CLOSENESS_WORDS = (
	"We talk most days.",
	"I can tell them anything.",
	"Getting closer again.",
	"We text now and then.",
	"It's where I feel at home.",
	"They always make me laugh.",
)

HOW_WE_MET = (
	"Met at the drop-in on a Tuesday morning.",
	"Introduced by a friend who worked with us last year.",
	"Saw our leaflet at the library and called.",
	"Introduced by the housing team.",
	"Came over to say hello at the community café.",
	"Their nan rang us and asked if we could meet.",
	"We got talking at {place}.",
	"A friend from {interest} told them about us.",
	"Introduced by the GP surgery.",
	"Met at the food bank, over a cup of tea.",
)

ABOUT_ME = (
	"I love {interest}. People say I'm {strength}.",
	"I'm at my best when I'm doing {interest}.",
	"I'm {strength}, and I don't give up.",
	"Family matters most to me.",
	"I like being outdoors, and I like a laugh.",
	"I've been through a lot and I'm still here.",
	"Ask me about {interest}!",
)

STRENGTHS = (
	"determined", "kind to others", "good with people", "funny", "organised", "creative",
	"honest about what matters", "patient", "resourceful", "a good listener", "brave", "practical",
	"a great cook", "calm in a crisis", "loyal to friends", "hard-working", "curious",
)  # fmt: skip

OPENINGS = {
	"Walk": ("A walk along {place}.", "We walked to {place} and back.", "A long walk; {name} set the pace."),
	"Coffee": ("Coffee at {place}.", "A cuppa at {place}.", "Tea and toast at {place}; {name} chose where."),
	"Phone call": ("A phone call.", "{name} called for a chat.", "A call, about twenty minutes."),
	"Video call": ("A video call.", "A video call; {name} showed me round."),
	"Their place": ("At {name}'s place.", "{name} made us a brew at home."),
	"Our place": ("At our place.", "{name} dropped in to ours."),
	"Other": ("We met at {place}.", "Bumped into {name} at {place} and stopped for a chat."),
	"Text message": ("",),
}  # fmt: skip
TALKED_ABOUT = (
	"{name} talked about {interest} and how it used to fill the weekends.",
	"{name} told me about {their_close} and would like to see them more.",
	"We talked about what a good week looks like for {name}.",
	"{name} is proud of getting through a hard month.",
	"We laughed a lot. {name} wants to get back into {interest}.",
	"{name} wanted to talk about money today, and we made a list together.",
	"{name} has been sleeping better and said so with a grin.",
	"{name} talked about the flat and what would make it feel like home.",
	"{name} said it helps to have someone to talk things through with.",
	"We looked at courses together; {name} liked the look of one on {interest}.",
	"{name} told me about a tough week and what got them through it.",
	"{name} spoke about {their_close}: they met up at the weekend.",
	"{name} showed me photos from {interest}.",
	"{name} chose today's topic: what to do about the bills.",
	"We talked about work, and what kind of work {name} would enjoy.",
	"{name} has been helping a neighbour and liked being useful.",
	"{name} wants to take things slowly this month, and that's fine.",
	"{name} had a lot on their mind; mostly we just talked.",
)
NOTICED = (
	"{name} knew exactly what they wanted to say.",
	"{name} looked after me today: made sure I had a tea.",
	"{name} remembered everything from last time.",
	"{name} was thinking about other people as much as themselves.",
	"{name} made the calls themselves this time.",
	"{name} was quick to see the funny side.",
	"",
	"",
)
WHAT_MATTERS = (
	"Seeing {close} again",
	"A place of my own",
	"Getting back to {interest}",
	"Feeling settled",
	"Being near {close}",
	"Having a bit of money put by",
	"Being outdoors more",
	"Feeling useful",
	"Sleeping well",
	"Being trusted",
)
NEXT_IF_THEY_WANT = (
	"Walk again next week.",
	"Look at the college website together.",
	"Call the housing team together, if {name} wants me there.",
	"Try the {interest} group on Thursday.",
	"{name} will text when they're ready to meet.",
	"Coffee at {place} next time.",
	"Bring the forms and fill them in together.",
	"",
)
TEXT_MESSAGES = (
	"Text: thanks for yesterday, see you Tuesday.",
	"Texted to say hello; {name} replied with a thumbs up.",
	"{name} texted a photo from {interest}.",
	"Checked in by text: all good.",
	"{name} texted: can we move to Friday?",
	"Text from {name}: got the letter!",
	"Sent {name} the times for the {interest} group.",
	"{name} texted to say they're doing alright.",
	"Happy birthday text; {name} sent a smiley back.",
	"",
	"",
)
WELSH_TEXT_MESSAGES = ("Diolch! See you soon.", "{name}: bore da, all good here.")
PAUSED_TEXTS = (
	"Text to {name}: thinking of you, here when you want.",
	"{name} texted: still taking a break, but thanks.",
	"Sent {name} a text to say hello.",
	"",
)

ASPIRATIONS = {
	"Home": (
		("A place of my own with a garden", (
			"Look at flats online together", "Go to the housing options team together", "Save for a deposit",
			"Visit the flat on Mill Street",
		)),
		("Make my flat feel like home", ("Pick a colour for the living room", "Get a sofa", "Put photos up")),
		("Live nearer {close}", ("Look at places near {close}", "Ask the council about a move")),
	),
	"Work": (
		("Get a job in a kitchen", (
			"Update my CV", "Start the food hygiene course", "Ask at the café about shifts",
		)),
		("Work outdoors", ("Volunteer at a garden", "Get my CSCS card", "Apply to the parks team")),
		("Drive for a living", ("Book driving lessons", "Pass the theory test", "Pass my driving test")),
		("Do something with {interest} for work", ("Talk to someone who does it", "Make some to sell")),
	),
	"Learning": (
		("Do a course in bike repair", ("Find a course", "Go to the open evening", "Enrol")),
		("Read better, for my kids", ("Join the reading group", "Read a book a month")),
		("Get my maths GCSE", ("Enrol at the college", "Go to the first class", "Sit the exam")),
	),
	"Health": (
		("Walk every day", ("Walk to the shop and back", "Join the Tuesday walking group")),
		("Sleep better", ("Try going to bed at the same time", "Cut down on coffee after lunch")),
		("Cook proper meals", ("Go to the cooking class", "Cook for a friend")),
		("Get fit enough to play {interest} again", ("Go to the leisure centre", "Join a team")),
	),
	"Relationships": (
		("See my kids every week", ("Write to them", "Sort out the contact days", "Take them to the park")),
		("Make up with {close}", ("Send a card", "Meet for a coffee")),
		("Make new friends", ("Try the community café", "Join a group")),
	),
	"Money": (
		("Have a bit of money put by", ("Open a bank account", "Put £5 a week aside")),
		("Clear what I owe on my phone", ("Call the phone company together", "Agree a plan to pay")),
		("Know where my money goes", ("Write down a week's spending", "Try a budgeting app")),
	),
	"Interests": (
		("Get back into {interest}", ("Find a group nearby", "Go along once", "Go every week")),
		("Play the guitar again", ("Get the guitar fixed", "Learn three songs")),
		("Take photos of the coast", ("Borrow a camera", "Go to the coast")),
	),
	"Community": (
		("Volunteer at the food bank", ("Ask about volunteering", "Do the first shift")),
		("Help out at the community garden", ("Go along on a Saturday", "Look after a bed of my own")),
		("Give something back", ("Tell my story at the drop-in", "Help a new person settle in")),
	),
	"Other": (
		("Get my driving licence", ("Send off for the provisional licence", "Book lessons")),
		("Get my passport", ("Find my birth certificate", "Send the form off")),
		("Go to the seaside", ("Look at train times", "Go!")),
	),
}  # fmt: skip
HOW_IT_FEELS = (
	"Excited, and a bit nervous.",
	"Proud of myself.",
	"Like I can actually do it.",
	"It's been a long time coming.",
	"Scary but good.",
	"Happy. Really happy.",
	"",
)

ENDINGS = {
	"Moved on": (
		"I've got my own place now and I'm doing alright. I know where you are.",
		"Ready to do it on my own. Thank you for sticking with me.",
		"Started my new job; I'll text now and then.",
		"I don't need to meet any more, and that feels good.",
		"Things are good. I'll keep in touch.",
	),
	"Chose to stop": (
		"I want a break from all of it for now.",
		"I'm okay, I just don't want coaching at the moment.",
		"It's not for me right now. Maybe later.",
	),
	"Moved away": (
		"Moving to be near my sister.",
		"Going back home to my mum's town.",
		"Got a flat by the coast, it's a fresh start.",
	),
	"Other": (
		"My new job means I can't meet in the day.",
		"Going into hospital for a while; I'll get in touch after.",
		"Too much on with the baby coming.",
	),
}

WHAT_KEEPS_ME_SAFE = (
	"Having {close}'s number in my phone.",
	"Walking in the morning clears my head.",
	"Staying at my mate's when things get loud at home.",
	"Knowing the café is open till six.",
	"Keeping busy with {interest}.",
	"Talking to someone before it builds up.",
	"Going to {place} when I need space.",
)
WHO_I_WOULD_CONTACT = ("{close}", "My coach", "The Samaritans", "My GP", "{close}, then my coach")

BUDGET_SPENDS = {
	"Home": (("Paint and brushes for my flat", 45), ("A second-hand sofa", 120), ("Curtains", 60)),
	"Work": (("Boots for the building site", 60), ("Bus pass for a month", 55), ("Interview clothes", 70)),
	"Learning": (("Course fees", 90), ("A second-hand laptop", 180), ("Books for the course", 35)),
	"Health": (("Gym membership for three months", 75), ("Walking boots", 65)),
	"Relationships": (("Train fare to see my kids", 38), ("A day out with my daughter", 40)),
	"Money": (("A new ID for the bank account", 40),),
	"Interests": (("A second-hand bike", 150), ("Guitar strings and a tuner", 25), ("Fishing licence", 35)),
	"Community": (("Gardening gloves and tools", 30),),
	"Other": (("Provisional driving licence", 34), ("Passport fee", 88), ("Train ticket to the seaside", 42)),
}  # fmt: skip

EVIDENCE = {
	"Accommodation secured": "Tenancy agreement seen.",
	"Accommodation sustained for 3 months": "Rent statement for the three months seen.",
	"Accommodation sustained for 6 months": "Letter from the landlord seen.",
	"Entered education or training": "Email from the college seen.",
	"Entered work": "First payslip seen.",
	"Wellbeing improved by a meaningful change": "The two wellbeing check-ins.",
}

CHECK_IN_COMMENTS = (
	"Felt good to see it go up.",
	"A tough week with the move, but I got through it.",
	"Better than last time.",
	"I'd like to do this again in a couple of months.",
	"Happier than I thought I'd be.",
)

SERVICES = {
	"Housing": ("The council's housing team", "Harbour Housing Association"),
	"Health": ("The GP surgery", "The dentist"),
	"Mental health": ("The community mental health team", "The talking therapies service"),
	"Drugs and alcohol": ("The recovery service",),
	"Probation": ("Probation",),
	"Social care": ("Adult social care",),
	"Benefits": ("The Jobcentre",),
	"Money and debt": ("The debt advice service", "Citizens Advice"),
	"Work and skills": ("The employment support service",),
	"Education": ("The local college",),
	"Other": ("The food bank",),
}

REFLECTIONS = (
	"Spent most of the week on forms; the time with people was the best part.",
	"A long wait for the housing team held someone back from moving on.",
	"The funder's targets pulled me towards counting, not listening.",
	"A service said it couldn't help until another one had; round and round.",
	"A good week: two people did things they'd been building up to for months.",
	"I noticed I was rushing a conversation to fit the diary. Slowed down.",
	"The rules of a shared house made it hard for someone to have their kids visit.",
	"Eligibility rules meant someone had to tell their story again to a stranger.",
	"I learnt a lot from listening to someone explain what helped them last time.",
	"Paperwork for ID took three visits; we laughed about it in the end.",
)
