// The source document: the article of 13 October 2022.
// Source.text equals cypher/sources/csto-2022-10-13.txt byte for byte: one string literal per line of the file,
// joined with +.
// Non-breaking spaces (U+00A0) are kept raw inside the literals.
// Provenance: every quote is a verbatim substring of Source.text at [quoteStart, quoteEnd), in UTF-16 code
// units, end exclusive. Offsets are computed by script from the article, never typed by hand.
// Idempotent: MERGE on ids (relationships on their endpoints), ON CREATE SET for everything else.

MERGE (s:Source {id: 'csto-2022-10-13'})
ON CREATE SET
  s.name = 'End of ODKB. Why is Putin\'s security alliance collapsing?',
  s.published = date('2022-10-13'),
  s.language = 'en',
  s.text =
  '13.10.2022.\n' +
  '\n' +
  'End of ODKB. Why is Putin\'s security alliance collapsing?\n' +
  '\n' +
  'Created on the ruins of the USSR, the Collective Security Treaty Organization (CSTO) is now a separate story.\n' +
  'The country, in whose capital the agreement on the formation of a military-political bloc was concluded, no longer belongs to it, two of the six participating countries are actually at war with other countries, but they conduct hostilities with their own forces, two more are constantly at war with each other. What kind of organization is this and does it have a perspective?\n' +
  'The last time about the CSTO was mentioned in the news space on October 9: Kyrgyzstan refused to conduct training of the organization\'s peacekeeping forces on its territory. Command and staff exercises called "Indestructible Brotherhood - 2022" were supposed to take place in the Isik-Kul region from October 10 to 14, but were canceled without giving a reason. When journalists asked the Press Secretary of the President of the Russian Federation the next day if there were differences between Russia and Kyrgyzstan, Dmytro Peskov replied: "No."\n' +
  'CSTO includes Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan and Tajikistan. At the exercises in the city of Balikča, Isik-Kul region, they planned to practice the ceasefire regime.\n' +
  'But fewer and fewer members of the organization seem to have faith in the ability of CSTO forces to secure a ceasefire. For example, at the end of September, Armenia refused to participate in CSTO exercises in Kazakhstan.\n' +
  ' \n' +
  '"The gun that doesn\'t fire"\n' +
  ' \n' +
  'Many politicians of the member countries of the bloc are dissatisfied with the activities of the CSTO - that is, their non-existence. In mid-September, a meeting was held in Yerevan, where Armenia\'s withdrawal from the Collective Security Treaty and the start of negotiations with new allies were demanded. The reason was the passive reaction of the CSTO to Armenia\'s request to send military personnel to the conflict zone with Azerbaijan, which continued on the night of September 12-13.\n' +
  'The demonstrators were supported by Parliament Speaker Alen Simonyan and Secretary of the Security Council Armen Grigonyan. Simonyan compared the CSTO to a gun that "doesn\'t shoot, it can only be used to show off".\n' +
  '"We are very dissatisfied, of course. The expectations that were there are not justified. And, representing the people, having a relationship with the people, we won\'t be able to explain to them for a long time why the ODKB is not doing what was planned. And, of course, we are already drawing these conclusions." said Simonyan on the air of Public Television of Armenia.\n' +
  'The protests coincided with the visit to Yerevan of the Speaker of the House of Representatives of the US Congress, Nancy Pelosi, and the very next day, September 19, it became known about the tripartite meeting of US Secretary of State Anthony Blinken with the heads of foreign affairs of Armenia and Azerbaijan in New York.\n' +
  ' \n' +
  '"Russia is no longer taken into account"\n' +
  ' \n' +
  ' Political scientist Anatolij Nesmijan believes that Russia is about to withdraw from Transcaucasia and Central Asia, because it no longer carries the burden of foreign policy, and the balance of relations in the two regions is changing significantly.\n' +
  ' \n' +
  '"Therefore, the United States is looking for options to fit into the new balances, if possible without directly participating in them. Most likely, they will try to "hand over" Armenia to the Europeans and NATO. Since Turkey itself is a member of NATO, it will be it\'s easier to talk to her about the situation within the framework of the alliance in the region, without taking out, as they say, garbage from the house", writes Nesmijan.\n' +
  ' \n' +
  '"All this is very reminiscent of the situation before the collapse of the USSR", he continues, "then the division of the Soviet zone of influence began, and the Kremlin was forced to pretend that nothing was happening, because it was no longer able to react to what was happening. Today, Russia is no longer taken into account, because it has exhausted its potential on Ukrainian soil and today is on the way to finish off its army, losing even hypothetical opportunities to participate in the creation of at least some solutions in its former areas of interest. ", according to the expert.\n' +
  ' \n' +
  'How and why ODKB was created\n' +
  ' \n' +
  'On May 15, 1992, shortly after the collapse of the Soviet Union, six post-Soviet republics - Armenia, Kazakhstan, Kyrgyzstan, Russia, Tajikistan and Uzbekistan - signed the Collective Security Treaty in Tashkent. The following year, Azerbaijan, Georgia and Belarus joined the agreement.\n' +
  'The formation of a military-political bloc on the territory of countries that until recently were a single state with a single army seemed a natural need to compensate for the growing disintegration processes. Initially, the CSTO was created as a possible alternative to NATO, but hardly as their analogues - already then numerous disagreements were evident that accumulated during the Soviet period and intensified with the collapse of the state.\n' +
  'First of all, the formation of a full-fledged military association was hindered by the unresolved territorial disputes of its members and the desire of the strongest member of the alliance - Russia - to expand its spheres of influence, especially by military means.\n' +
  'Within five years, Uzbekistan, Georgia and Azerbaijan left the CSTO (Uzbekistan decided to return in 2006, but changed its mind in 2012 and left the organization again).\n' +
  'Currently, Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia and Tajikistan remain CSTO members.\n' +
  ' \n' +
  'You have to pay for the "generosity" of Moscow\n' +
  ' \n' +
  'Observers often call ODKB an amorphous organization. During its entire existence, it used a military contingent only once - in January 2022, it sent peacekeeping forces to Kazakhstan, where mass protests broke out and turned into riots. Kazakhstan\'s President Kasim-Jomart Tokayev has doubted the loyalty of his security forces and justified the request for peacekeeping forces with an alleged influx of 20,000 foreign terrorists. There was no convincing evidence for this. But Putin supported Tokaev.\n' +
  '"The CSTO troops in the cities of Kazakhstan have become a symbolic indicator of Russia\'s full influence and control over the political regime in Nur-Sultan, which favors Moscow," says Erika Marat, a professor at the University of National Defense in Washington.\n' +
  'Neighboring Kyrgyzstan turned to the CSTO for help three times - in 1999, during the events in Batken, when armed Islamists from Afghanistan and Tajikistan invaded the country, in 2010, when a bloody inter-ethnic conflict took place in Osh and Batken, and in 2021, during another, but especially harsh, armed conflict on the Tajik-Kyrgyz border. And he was rejected all three times.\n' +
  'Is the organization of the Treaty on Collective Security of Kyrgyzstan necessary? - Kyrgyz politicians and public figures are asking more and more often.\n' +
  ' \n' +
  'Many experts point out that the CSTO has turned into a Russian tool for maintaining military influence and remind that Moscow\'s "generosity" must be paid for. The situation in Belarus is often cited as an example: its leader Alexander Lukashenko was helped by the Kremlin to retain power in 2020, so now he is fulfilling all of Vladimir Putin\'s wishes.\n' +
  'Apart from Lukashenka, none of the leaders of the CSTO member countries supported the Russian invasion of Ukraine, and this angered the Russian supporters of the war - they call the organization a front, under which the allies "cooperate with the enemies of Russia."\n' +
  '"Isn\'t it time we finally bust this comedy called ODKB? Isn\'t it too late?" - writes the author of the portal topwar.ru.\n' +
  ' \n' +
  'Russia\'s international reputation after the attack on Ukraine is such that many CSTO members are not against distancing themselves from Moscow. But whether everyone will manage to find new allies is a big question.';
