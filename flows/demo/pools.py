"""The demo generator's fixed pools: names, places, notes, directory entries, referral and
incident templates, and the van's schedule. Plain data; the generator cleans them once."""
from records.models import ScheduleEntry

# Given names, weighted by repetition: many share a prefix ("Ma", "Jo"), as in real lists.
GIVEN_F = (
    "Maria Maria Marie Mariah Marisol Marlene Maya Madison Makayla Mandy Margaret Martina "
    "Melissa Melanie Jo Joanne Jodie Jolene Josie Jocelyn Jordan Joy Josephine Jessica "
    "Ashley Amber Amanda Brittany Crystal Destiny Tiffany Kayla Chantal Nakita Tasha Shannon "
    "Heather Samantha Courtney Danielle Stephanie Krystal Nicole Sarah Tanya Lisa Dawn Autumn "
    "Sky Dakota Raven Cheyenne Angel Sierra Tamara Crystal Kim Brandy Candace Trina Shawna"
).split()
GIVEN_M = (
    "Marcus Mason Matthew Mark Mario Joe Joey John Jonah Joshua Jordan Justin Kevin Tyler "
    "Cody Dustin Shane Travis Derek Ryan Brandon Dylan Curtis Wayne Darren"
).split()
GIVEN_X = "Alex Jordan Sky River Rowan Jo Max Sam Quinn Ash Jessie Charlie".split()
# Accents and other scripts, drawn now and then.
GIVEN_RARE = {
    "F": ("Éloïse", "Chloé", "Anaïs", "Zoë", "Renée", "Noémie", "Mélanie", "Geneviève",
          "Łucja", "Małgorzata", "Αθηνά", "Ελένη", "Светлана", "Наталья", "Оксана", "Thảo",
          "ليلى", "美玲", "Siobhán", "Inés"),
    "M": ("José", "André", "François", "Jérôme", "Łukasz", "Дмитрий", "Γιώργος", "Nguyễn",
          "Andrés", "Seán"),
    "X": ("Noé", "Álex", "Ŝajna"),
}
SURNAMES = (
    "Smith Brown Tremblay Martin Roy Wilson MacDonald Gagnon Johnson Taylor Campbell Anderson "
    "Jones Leblanc Lee White Williams Thompson Moore Clarke King Young Scott Green Hill Morin "
    "Bouchard Côté Gauthier Bélanger Nowak Kowalski Wiśniewska Papadopoulos Nguyen Tran Ali "
    "Khan Singh Jacobs Thomas Peters Fisher French Miller Davis Martel Stewart Robinson "
    "Ivanova Παπαδοπούλου Hughes Murphy O'Brien McLeod Fraser Grant"
).split()
STREET_NAMES = (
    "Cookie Red Bambi Lucky Sunshine Tink Peaches Lil Bit Shorty Ginger Diamond Mama J "
    "Smokey Frenchie Blue Kit Cricket Honey Bunny Sparky Jojo Mo Marz Junebug Star Roxy Tiny "
    "Doc Boots Magpie Minnie Mojo Mac"
).replace("Lil Bit", "Lil_Bit").replace("Mama J", "Mama_J").split()
PRONOUNS = {"F": ("she/her", "she/her", "she/they"), "M": ("he/him", "he/they"),
             "X": ("they/them", "they/she", "he/they"), "": ("they/them",)}
CONTACT_NOTES = (
    "Prefers texts; do not leave voicemail.",
    "Best reached at the Tuesday drop-in.",
    "Use street name only, also on paper.",
    "Phone shared with a friend: ask for her by name.",
    "Staying with family for now; ask before calling.",
)
SITES = ("Dundas & Adelaide", "Hamilton Rd & Rectory", "York & Richmond",
         "Horton & Wellington", "Dundas & Quebec", "Drop-in, Richmond St", "Van delivery")
REASONS = ("Supplies", "Supplies", "Wound check", "Testing", "Follow-up", "Feeling unwell",
            "Check-in", "Referral follow-up", "Vaccination", "Results")
NOTES = (
    "Abscess on left forearm cleaned and dressed; advised warm compresses.",
    "Cough for two weeks, no fever. To see primary care if not better.",
    "Asked about housing; gave hours of the access centre.",
    "Tired, not sleeping well. Talked for a while; will come back Thursday.",
    "Foot blisters dressed; new socks given.",
    "Wants to start treatment; referral discussed.",
    "Results explained; no concerns.",
    "Bruising on arms, says she is safe tonight. Offered the victim services number.",
    "Second dose given. Next due in six months.",
    "Came with a friend; both had supplies.",
)
FOLLOW_UPS = ("Check wound on Thursday.", "Results next week.",
               "Ask about the housing appointment.", "Second dose due.", "")
DIRECTORY = (
    dict(name="Regional Addiction Services - Rapid Access Clinic", kind="addictions",
         paper_name="Rapid Access Clinic", address="200 Queens Ave, London ON",
         phone="519-555-0141", hours="Mon-Fri 9:00-16:00; walk-in Tue and Thu 13:00-16:00",
         notes="Same-week start of treatment; bring any ID if you have it (not required)."),
    dict(name="Dundas Street Opioid Agonist Therapy Clinic", kind="addictions",
         paper_name="Dundas Health Centre", address="410 Dundas St, London ON",
         phone="519-555-0142", hours="Mon-Sat 8:00-14:00", notes="Walk-ins before 11:00."),
    dict(name="Crisis Mental Health Walk-in", kind="mental_health",
         paper_name="Wellness Walk-in", address="648 Huron St, London ON",
         phone="519-555-0143", hours="Open 24 hours", notes=""),
    dict(name="Community Mental Health Outreach Team", kind="mental_health",
         paper_name="Community Outreach Team", address="Mobile",
         phone="519-555-0144", hours="Mon-Fri 10:00-20:00", notes="Can meet at the van."),
    dict(name="Sexual Health Clinic, Middlesex-London", kind="sexual_health",
         paper_name="King Street Health Clinic", address="110 King St, London ON",
         phone="519-555-0145", hours="Mon-Thu 9:00-19:00; Fri 9:00-15:00", notes=""),
    dict(name="Regional HIV/AIDS Connection", kind="sexual_health",
         paper_name="Regional Connection", address="186 King St, London ON",
         phone="519-555-0146", hours="Mon-Fri 9:00-17:00", notes="Peer support on site."),
    dict(name="Downtown Community Health Centre", kind="primary_care", paper_name="",
         address="659 Dundas St, London ON", phone="519-555-0147",
         hours="Mon-Fri 8:30-20:00; Sat 9:00-13:00", notes="Takes clients without a health card."),
    dict(name="Emergency Women's Shelter", kind="shelter", paper_name="Maple House",
         address="Confidential address: call first", phone="519-555-0148",
         hours="Open 24 hours", notes=""),
    dict(name="Housing Access Centre", kind="shelter", paper_name="",
         address="355 Wellington St, London ON", phone="519-555-0149",
         hours="Mon-Fri 8:30-16:30", notes="Ask for the street outreach housing worker."),
    dict(name="Sexual Assault and Domestic Violence Treatment Centre", kind="victim_services",
         paper_name="Victoria Care Centre", address="800 Commissioners Rd E, London ON",
         phone="519-555-0150", hours="Open 24 hours, through Emergency", notes=""),
    dict(name="Community Legal Clinic", kind="legal_aid", paper_name="",
         address="1 Dundas St, London ON", phone="519-555-0151",
         hours="Mon-Fri 9:00-16:30", notes="Walk-in Wednesday afternoons."),
    dict(name="Police Liaison, Persons at Risk Program", kind="police_liaison",
         paper_name="Community Liaison Office", address="601 Dundas St, London ON",
         phone="519-555-0152", hours="By appointment; through the van", notes=""),
)
# kind -> (reason, request, urgency, disclosed topics, what the client was told)
REFERRAL_TEMPLATES = {
    "addictions": [("Wants to start treatment", "Please assess for same-week start.", "soon",
                    {"substance_use"}, "Walk in Tuesday or Thursday afternoon.")],
    "mental_health": [("Low mood, not sleeping", "Assessment and follow-up, please.", "soon",
                       {"mental_health"}, "Open all hours; you can go tonight."),
                      ("Check-in", "Ongoing support.", "routine", set(), "They can meet at the van.")],
    "sexual_health": [("Testing and follow-up", "Please see for results and treatment.",
                       "soon", {"hiv_sti_hep"}, "Bring this letter."),
                      ("Routine check", "Routine visit.", "routine", set(), "")],
    "primary_care": [("No family doctor", "Please take on as a patient.", "routine",
                      {"clinical_history"}, "No health card needed."),
                     ("Cough for two weeks", "Please assess.", "soon", set(), "")],
    "shelter": [("Needs a bed tonight", "Bed and intake, please.", "urgent", set(),
                 "Call first; they will tell you where to go.")],
    "victim_services": [("Was hurt recently", "Care and support, please.", "urgent",
                         {"violence_police"}, "Go through Emergency and ask for the team.")],
    "legal_aid": [("Questions about a court date", "Advice, please.", "routine", set(),
                   "Walk in Wednesday afternoon.")],
    "police_liaison": [("Wants to report an incident", "Please contact through the van.",
                        "routine", {"violence_police"}, "The liaison will meet you at the van.")],
}
AREAS = ("Hamilton Rd behind the plaza", "Dundas near Adelaide", "Parking lot off York St",
          "Trail by the river, Ridout St", "Side street off Horton St", "Motel on Wellington Rd")
PEOPLE = (
    "Man, about 50, grey beard, heavy build, ball cap.",
    "Man in his 30s, tall and thin, tattoo on left forearm.",
    "Man, 40s, glasses, short dark hair, work boots.",
    "Young man, 20s, shaved head, speaks fast, cross necklace.",
    "Older man, 60s, white hair, walks with a limp.",
)
VEHICLES = ("Dark blue pickup, dented tailgate.", "Silver minivan, roof rack.",
             "Black sedan, tinted windows.", "White work van, ladder on top.",
             "Red hatchback, loud muffler.", "")
HAPPENED = (
    "Refused to pay and became aggressive; pushed her out of the car.",
    "Took her phone and drove off.",
    "Followed her for several blocks after she said no.",
    "Choked her; she got away. Medical check offered.",
    "Tried to drive out of town and would not stop; she got out at a light.",
    "Showed a knife and took her money.",
)
LETTERS = "ABCDEFGHJKLMNPRSTVWXYZ"
SCHEDULE = (ScheduleEntry("Tuesday 20:00-02:00", "Dundas & Adelaide"),
             ScheduleEntry("Thursday 20:00-02:00", "Hamilton Rd & Rectory"),
             ScheduleEntry("Friday 21:00-03:00", "York & Richmond"),
             ScheduleEntry("Saturday 21:00-03:00", "Dundas & Adelaide"))
