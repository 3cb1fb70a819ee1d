"""Copy for community kinds: event (conference by default, wedding flavour), nonprofit and school."""

from __future__ import annotations

from typing import Any

from sitegen.offline.copy_common import it

EVENT: dict[str, Any] = {
    "label": "conference", "audience": "Attendees, speakers and sponsors", "tone": "bold",
    "fonts": [("Space Grotesk", "Inter"), ("Outfit", "DM Sans"), ("Manrope", "Manrope")],
    "names": ["Horizon", "Spark", "Confluence", "Frontier", "Signal", "Momentum", "Northstar", "Catalyst",
              "Open Field", "Waypoint", "Lift", "Kindle"],
    "name_forms": ["{n} Summit", "{n} Conf", "{n} Forum", "{n} Live", "{n} Days"],
    "taglines": ["Two days of ideas, people and momentum{in_place}.", "Where the community meets.",
                 "Talks, workshops and the hallway track you'll remember.", "Learn. Connect. Build what's next."],
    "descriptions": ["{name} is a two-day event{in_place} with talks, hands-on workshops and plenty of time "
                     "to meet people doing interesting work."],
    "footer": ["Code of conduct applies to every attendee, speaker and sponsor.", "See you there."],
    "home": ["hero", "stats", "features", "team", "schedule", "pricing", "logos", "faq", "cta", "contact"],
    "multi_pages": ["schedule", "team", "pricing", "faq"],
    "hours": [], "socials": ["LinkedIn", "X", "YouTube"],
    "sections": {
        "hero": {
            "eyebrow": ["{date}{in_place}", "Early-bird tickets on sale", "Year {edition}"],
            "heading": ["Two days that change how you work", "Ideas worth the trip",
                        "Meet the people building what's next", "Learn from the best. Meet the rest."],
            "sub": ["40 speakers, 12 hands-on workshops and 800 curious people under one roof. Early-bird "
                    "tickets end soon.",
                    "A single-track conference with talks you'll actually remember and a hallway track worth "
                    "the ticket alone."],
            "cta": [("Get tickets", "#pricing"), ("Register now", "#pricing")],
            "secondary": [("See the agenda", "#schedule")],
            "items": [it("{date}", "", "Calendar"), it("{place_or_venue}", "", "MapPin")],
        },
        "stats": {
            "heading": ["{name} at a glance"],
            "items": [it("Speakers", "", "Mic", "40"), it("Attendees", "", "Users", "800"),
                      it("Workshops", "", "Lightbulb", "12"), it("Days", "", "Calendar", "2")],
        },
        "features": {
            "eyebrow": ["Why attend"], "heading": ["What to expect"],
            "items": [it("Inspiring talks", "Practical, honest talks from people who ship.", "Mic"),
                      it("Hands-on workshops", "Small groups, real exercises, take-home materials.", "Lightbulb"),
                      it("Real connections", "Curated meetups, mentoring hours and an evening party.", "Users"),
                      it("Recordings included", "Every talk on video for all ticket holders.", "Video")],
        },
        "team": {
            "eyebrow": ["Speakers"], "heading": ["Featured speakers", "Who's speaking"],
            "items": [it("", "Leads design systems at a global fintech.", "Mic", "Design Lead"),
                      it("", "Author of a best-selling book on product strategy.", "Mic", "Author"),
                      it("", "Founder who scaled a startup from 2 to 400 people.", "Mic", "Founder & CEO"),
                      it("", "Researcher in human-centred AI.", "Mic", "Research Scientist")],
        },
        "schedule": {
            "eyebrow": ["Agenda"], "heading": ["The programme", "Agenda"],
            "items": [
                it("Registration & coffee", "Badges, breakfast, hellos.", "Coffee", "Day 1 · 08:30"),
                it("Opening keynote", "Where we're headed, and why it matters.", "Mic", "Day 1 · 09:30"),
                it("Workshops (parallel)", "Pick one of six hands-on sessions.", "Lightbulb", "Day 1 · 13:30"),
                it("Evening social", "Drinks, music and the best conversations.", "PartyPopper", "Day 1 · 19:00"),
                it("Lightning talks", "Ten talks, five minutes each.", "Zap", "Day 2 · 10:00"),
                it("Closing keynote & farewell", "Big ideas to take home.", "Sparkles", "Day 2 · 16:30"),
            ],
        },
        "pricing": {
            "eyebrow": ["Tickets"], "heading": ["Get your ticket"],
            "sub": ["All tickets include lunch, coffee and talk recordings."],
            "items": [
                it("Early Bird", "Limited numbers.", "", "{cur}249", "Both days", "Lunch & coffee", "Recordings",
                   hl=True),
                it("Standard", "Full access.", "", "{cur}349", "Both days", "Lunch & coffee", "Recordings",
                   "Evening social"),
                it("Team (5+)", "For groups.", "", "{cur}299 each", "Everything in Standard",
                   "Reserved seating", "Invoice billing"),
            ],
        },
        "logos": {"eyebrow": ["Sponsors"], "heading": ["Made possible by"],
                  "items": [it("Northwind"), it("Globex"), it("Kestrel"), it("Oakline"), it("Lumen")]},
        "faq": {
            "items": [
                it("Is there a refund policy?", "Full refund up to 30 days before; transfers any time."),
                it("Is the venue accessible?", "Yes: step-free access, quiet room and live captions."),
                it("Can I speak?", "Our call for proposals opens in spring. Join the newsletter to hear first."),
            ],
        },
        "cta": {"heading": ["Don't miss {name}"], "sub": ["Early-bird pricing ends soon."],
                "cta": [("Get tickets", "#pricing")]},
        "contact": {"heading": ["Questions?"], "sub": ["Sponsorship, speaking or tickets: write to us."]},
    },
    "flavours": [
        (r"\b(?:wedding|marry|married|bride|groom|engagement|save the date)\b", {
            "label": "wedding", "tone": "luxury", "palette": "wedding",
            "drop": ["pricing", "team", "stats", "logos"],
            "multi_pages": ["schedule", "gallery", "faq"],
            "descriptions": ["Everything guests need for the wedding of {name}{in_place}: the day, travel, "
                             "stays and the RSVP."],
            "footer": ["Made with love for our favourite people.", "We can't wait to celebrate with you."],
            "faq": [it("Can I bring a plus-one?", "Your invitation says who is invited; ask us if unsure."),
                    it("Are children welcome?", "We love your little ones, but this is an adults-only day."),
                    it("When should I RSVP by?", "Six weeks before the day, please, via the form below."),
                    it("Is there parking?", "Yes, free parking at the venue; taxis can be booked for midnight.")],
            "contact": {"heading": ["RSVP"], "sub": ["Let us know if you can make it, and any dietary needs."]},
            "cta": {"heading": ["Will you be there?"], "sub": ["Please RSVP six weeks before the day."],
                    "cta": [("RSVP", "#contact")]},
            "fonts": [("Playfair Display", "Lora"), ("Fraunces", "DM Sans")],
            "names": ["Ana & Tom", "Sofia & Leo", "Maya & Sam", "Clara & Ben"],
            "name_forms": ["{n}"],
            "taglines": ["We're getting married!", "Two hearts, one celebration{in_place}."],
            "home": ["hero", "about", "schedule", "features", "gallery", "faq", "contact"],
            "hero": {"eyebrow": ["{date}{in_place}", "Save the date"],
                     "heading": ["We're getting married!", "Join us as we say I do", "Together, forever"],
                     "sub": ["We can't wait to celebrate with the people we love most. Here's everything you "
                             "need to know, and the RSVP."],
                     "cta": [("RSVP", "#contact")], "secondary": [("The day", "#schedule")], "items": []},
            "about": {"heading": ["Our story"],
                      "body": ["We met on a rainy Tuesday at a friend's birthday, argued about the best pizza "
                               "topping, and never stopped talking. Years, two cities and one very patient dog "
                               "later, we're making it official."]},
            "schedule": [
                it("Ceremony", "Garden ceremony: please arrive 20 minutes early.", "Heart", "15:00"),
                it("Drinks & canapés", "On the terrace, with live music.", "Wine", "16:00"),
                it("Dinner & speeches", "Seated dinner in the main hall.", "UtensilsCrossed", "18:00"),
                it("First dance & party", "Dance shoes recommended.", "Music", "20:30"),
            ],
            "features": {"eyebrow": ["For our guests"], "heading": ["Good to know"], "pick": None, "items": [
                it("Dress code", "Summer formal: bright colours welcome.", "Shirt"),
                it("Where to stay", "Rooms held at two hotels nearby; mention our names.", "BedDouble"),
                it("Gifts", "Your presence is the present. A honeymoon fund is open if you'd like.", "Gift"),
            ]},
            "gallery": [it("Our first trip", "", "Plane"), it("The proposal", "", "Heart"),
                        it("Sunday mornings", "", "Coffee"), it("With the dog", "", "PawPrint")],
        }),
    ],
}

NONPROFIT: dict[str, Any] = {
    "label": "charity", "audience": "Supporters, volunteers and the community we serve", "tone": "warm",
    "fonts": [("Fraunces", "Inter"), ("DM Sans", "DM Sans"), ("Lora", "Manrope")],
    "names": ["Open Hands", "Common Ground", "Bright Futures", "Rooted", "Harbour House", "Second Chance",
              "Kind Neighbours", "Green Street", "Lantern", "Seedling", "Hope Works", "Together"],
    "name_forms": ["{n}", "{n} Foundation", "{n} Trust", "{n} Project", "{n} Collective"],
    "taglines": ["Small acts, big change{in_place}.", "Neighbours helping neighbours since {year}.",
                 "Together we can do more.", "Every gift reaches someone real."],
    "descriptions": ["{name} is a community charity{in_place} providing food, support and opportunity to "
                     "local families, powered by volunteers and donors."],
    "footer": ["Registered charity. 92p of every pound goes directly to our programmes.",
               "Thank you for standing with us."],
    "home": ["hero", "stats", "about", "services", "pricing", "testimonials", "cta", "faq", "contact"],
    "multi_pages": ["about", "donate", "contact"],
    "hours": [("Mon – Fri", "9:00 – 17:00"), ("Saturday", "Volunteer day, 10:00 – 14:00")],
    "socials": ["Instagram", "Facebook", "LinkedIn"],
    "sections": {
        "hero": {
            "eyebrow": ["Registered charity{in_place}", "Since {year}"],
            "heading": ["Together, no one goes without", "Small acts. Big change.",
                        "Help us build a kinder {place}", "Every gift reaches someone real"],
            "sub": ["We provide meals, mentoring and a helping hand to families who need it most, powered "
                    "by 300 volunteers and people like you.",
                    "Your donation turns into warm meals, school supplies and second chances, right here in "
                    "our community."],
            "cta": [("Donate now", "#pricing"), ("Give today", "#pricing")],
            "secondary": [("Volunteer with us", "#contact")],
        },
        "stats": {
            "heading": ["Our impact last year"],
            "items": [it("Meals served", "", "UtensilsCrossed", "52,000"),
                      it("Families supported", "", "Users", "1,300"),
                      it("Volunteers", "", "HandHeart", "300"), it("Goes to programmes", "", "PiggyBank", "92%")],
        },
        "about": {
            "eyebrow": ["Our mission"], "heading": ["Why we exist"],
            "body": ["{name} started in {year} when a handful of neighbours began cooking extra meals for "
                     "families nearby. Today we run a food pantry, after-school clubs and job mentoring, but "
                     "the idea is the same: nobody should face hard times alone."],
        },
        "services": {
            "eyebrow": ["What we do"], "heading": ["Our programmes"],
            "items": [it("Community pantry", "Free groceries for 400 families every week.", "ShoppingBasket"),
                      it("After-school club", "Homework help, hot meals and a safe place to play.", "BookOpen"),
                      it("Job mentoring", "CV help, interview practice and a mentor for six months.",
                         "Briefcase"),
                      it("Warm spaces", "A welcoming room, hot drinks and company every winter day.", "Heart")],
        },
        "pricing": {
            "eyebrow": ["Give"], "heading": ["Make a donation", "Choose your gift"],
            "sub": ["Monthly gifts help us plan ahead. Cancel anytime."],
            "items": [
                it("{cur}10 / month", "Feeds a family for a week.", "", "{cur}10", "Weekly groceries"),
                it("{cur}25 / month", "Funds a child's after-school place.", "", "{cur}25", "Homework club",
                   "Hot meal", hl=True),
                it("{cur}50 / month", "Mentors a job seeker for a month.", "", "{cur}50", "Mentoring",
                   "Training costs"),
            ],
        },
        "testimonials": {
            "heading": ["Stories from our community"],
            "items": [it("", "When I lost my job, {name} made sure my kids never went hungry. Now I volunteer "
                             "every Saturday."),
                      it("", "The after-school club changed my son's year. He has friends and his grades are up."),
                      it("", "Volunteering here is the best part of my week.")],
            "metas": ["Parent and volunteer", "Parent", "Volunteer since {year}"],
        },
        "cta": {"heading": ["Join us"], "sub": ["Give an hour, give a gift, or spread the word."],
                "cta": [("Donate", "#pricing")], "secondary": [("Volunteer", "#contact")]},
        "faq": {
            "items": [
                it("How is my donation used?", "92% goes straight to programmes; our accounts are public."),
                it("Can I volunteer?", "Yes! Shifts are flexible; sign up with the form below."),
                it("Is my donation tax-deductible?", "Yes, where applicable; you'll receive a receipt."),
            ],
        },
        "contact": {"heading": ["Get involved"], "sub": ["Volunteer, partner with us or ask a question."]},
    },
}

SCHOOL: dict[str, Any] = {
    "label": "school", "audience": "Students, parents and lifelong learners", "tone": "friendly",
    "fonts": [("Outfit", "Inter"), ("DM Sans", "DM Sans"), ("Fraunces", "Manrope")],
    "names": ["Bright Minds", "Lighthouse", "Blue Owl", "Spark", "Clever Fox", "Northstar", "Open Book",
              "Little Acorns", "Compass", "Kite", "Maple", "Quest"],
    "name_forms": ["{n} Academy", "{n} Learning", "{n} School", "{n} Tutoring", "{n} Institute"],
    "taglines": ["Learning that sticks{in_place}.", "Confidence first, grades follow.",
                 "Small classes. Big progress.", "Learn something real, from people who care."],
    "descriptions": ["{name} offers courses and one-to-one tutoring{in_place}, with small classes, qualified "
                     "teachers and progress you can see."],
    "footer": ["Qualified, background-checked teachers.", "Learning for every age{in_place}."],
    "home": ["hero", "features", "services", "process", "pricing", "team", "testimonials", "faq", "contact"],
    "multi_pages": ["courses", "pricing", "about", "contact"],
    "hours": [("Mon – Fri", "15:00 – 20:00"), ("Saturday", "9:00 – 14:00")],
    "socials": ["Instagram", "YouTube", "Facebook"],
    "sections": {
        "hero": {
            "eyebrow": ["Enrolling now", "Courses & tutoring{in_place}", "Free trial lesson"],
            "heading": ["Learning that builds real confidence", "Small classes. Big progress.",
                        "Unlock what you're capable of", "The best way to learn, for every learner"],
            "sub": ["Qualified teachers, small groups and a plan built around each student. Your first lesson "
                    "is free.",
                    "From exam prep to new skills, we make learning feel possible, and even fun."],
            "cta": [("Book a free lesson", "#contact"), ("Enrol today", "#pricing")],
            "secondary": [("Explore courses", "#services")],
        },
        "features": {
            "eyebrow": ["Why {name}"], "heading": ["Why students thrive here"],
            "items": [it("Small groups", "Never more than 6 students per class.", "Users"),
                      it("Qualified teachers", "Experienced, friendly and background-checked.", "GraduationCap"),
                      it("Progress reports", "Monthly updates so you always know how it's going.", "ChartLine"),
                      it("Online or in person", "Learn from home or in our bright classrooms.", "Laptop")],
        },
        "services": {
            "eyebrow": ["Courses"], "heading": ["Our courses", "What you can learn"],
            "items": [
                it("Maths & Sciences", "From primary foundations to exam-level physics and chemistry.",
                   "Calculator", "Ages 8–18"),
                it("English & Writing", "Reading, essays and creative writing.", "BookOpen", "Ages 8–18"),
                it("Languages", "Spanish, French and Mandarin, conversation-first.", "Languages", "All ages"),
                it("Coding for Teens", "Python and web projects they're proud to show.", "Code", "Ages 12–18"),
                it("Exam Preparation", "Past papers, technique and calm confidence.", "ClipboardCheck",
                   "Ages 14–18"),
                it("Adult Evening Classes", "Learn something new after work.", "Lightbulb", "Adults"),
            ], "pick": 5,
        },
        "process": {
            "heading": ["How it works"],
            "items": [it("Free assessment", "A relaxed session to find the starting point.", "ClipboardList", "01"),
                      it("A personal plan", "Goals and a timetable that fit your week.", "Calendar", "02"),
                      it("Steady progress", "Regular lessons and monthly reports.", "TrendingUp", "03")],
        },
        "pricing": {
            "eyebrow": ["Fees"], "heading": ["Simple, term-by-term fees"],
            "items": [
                it("Group class", "Weekly 90-minute class.", "", "{cur}25 / lesson", "Max 6 students",
                   "Materials included"),
                it("One-to-one", "Fully personal tutoring.", "", "{cur}45 / hour", "Tailored plan",
                   "Flexible times", "Monthly reports", hl=True),
                it("Intensive", "Holiday exam bootcamp.", "", "{cur}299 / week", "5 days", "Mock exams",
                   "Feedback report"),
            ],
        },
        "team": {
            "heading": ["Meet the teachers"],
            "items": [it("", "Maths teacher for 14 years; makes algebra make sense.", "GraduationCap",
                         "Head of Maths"),
                      it("", "Published author and patient writing coach.", "GraduationCap", "English Lead"),
                      it("", "Software engineer turned coding teacher.", "GraduationCap", "Coding Tutor")],
        },
        "testimonials": {
            "heading": ["What families say"],
            "items": [it("", "My daughter went from dreading maths to choosing it for her final exams."),
                      it("", "Patient, encouraging teachers. His confidence has completely changed."),
                      it("", "I learned more Spanish in three months here than in three years at school.")],
            "metas": ["Parent", "Parent of a Year 10 student", "Adult learner"],
        },
        "faq": {
            "items": [
                it("Is the first lesson free?", "Yes, with no obligation to continue."),
                it("Can lessons be online?", "Every course runs online and in person."),
                it("What if we miss a lesson?", "Reschedule free with 24 hours' notice."),
            ],
        },
        "cta": {"heading": ["Start with a free lesson"], "sub": ["Places are limited each term."],
                "cta": [("Book a free lesson", "#contact")]},
        "contact": {"heading": ["Enrol or ask a question"], "sub": ["We reply within one working day."]},
    },
}

KINDS: dict[str, dict[str, Any]] = {"event": EVENT, "nonprofit": NONPROFIT, "school": SCHOOL}
