<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <source>{language}: applied now.</source>
        <translation>{language}&#xa0;: langue appliquée maintenant.</translation>
    </message>
    <message>
        <source>Locked, but {problem}</source>
        <translation>Verrouillé, mais {problem}</translation>
    </message>
    <message>
        <source>Locked, but the backup failed ({error}); no backup was made</source>
        <translation>Verrouillé, mais la sauvegarde a échoué ({error})&#x202f;; aucune sauvegarde n&apos;a été faite</translation>
    </message>
</context>
<context>
    <name>AppTitle</name>
    <message>
        <source>Records — first setup</source>
        <translation>Dossiers — configuration initiale</translation>
    </message>
    <message>
        <source>{van} — Records</source>
        <translation>{van} — Dossiers</translation>
    </message>
    <message>
        <source>Records — locked</source>
        <translation>Dossiers — verrouillé</translation>
    </message>
</context>
<context>
    <name>Cancelled</name>
    <message>
        <source>stopped before it was done; nothing was changed</source>
        <translation>arrêté avant la fin&#x202f;; rien n&apos;a été modifié</translation>
    </message>
</context>
<context>
    <name>ChecklistFilter</name>
    <message>
        <source>Type to find, Enter ticks</source>
        <translation>Tapez pour chercher, Entrée coche</translation>
    </message>
</context>
<context>
    <name>ClientCard</name>
    <message>
        <source>{code} (incomplete)</source>
        <translation>{code} (incomplet)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Also known as</source>
        <translation>Autres noms</translation>
    </message>
    <message>
        <source>Code (UIC)</source>
        <translation>Code (CIU)</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Visites</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Orientations</translation>
    </message>
    <message>
        <source>Incident reports</source>
        <translation>Rapports d&apos;incident</translation>
    </message>
    <message>
        <source>{card}: {caption}</source>
        <translation>{card}&#xa0;: {caption}</translation>
    </message>
</context>
<context>
    <name>ClientPage</name>
    <message>
        <source>Record visit (Ctrl+R)</source>
        <translation>Nouvelle visite (Ctrl+R)</translation>
    </message>
    <message>
        <source>Record visit</source>
        <translation>Nouvelle visite</translation>
    </message>
    <message>
        <source>Quick contact (Ctrl+K)</source>
        <translation>Contact rapide (Ctrl+K)</translation>
    </message>
    <message>
        <source>Quick contact</source>
        <translation>Contact rapide</translation>
    </message>
    <message>
        <source>Referral (Ctrl+Shift+R)</source>
        <translation>Orientation (Ctrl+Maj+R)</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <source>Incident (Ctrl+I)</source>
        <translation>Signaler un incident (Ctrl+I)</translation>
    </message>
    <message>
        <source>Incident</source>
        <translation>Signaler un incident</translation>
    </message>
    <message>
        <source>History / correct (Ctrl+H)</source>
        <translation>Historique (Ctrl+H)</translation>
    </message>
    <message>
        <source>History and corrections</source>
        <translation>Historique et corrections</translation>
    </message>
    <message>
        <source>Print (Ctrl+P)</source>
        <translation>Imprimer (Ctrl+P)</translation>
    </message>
    <message>
        <source>Print the selected visit or referral</source>
        <translation>Imprimer la visite ou l&apos;orientation sélectionnée</translation>
    </message>
    <message>
        <source>Merge...</source>
        <translation>Fusionner…</translation>
    </message>
    <message>
        <source>Merge with another client</source>
        <translation>Fusionner avec le dossier d&apos;un autre client</translation>
    </message>
    <message>
        <source>Delete at request...</source>
        <translation>Supprimer…</translation>
    </message>
    <message>
        <source>Delete at the client&apos;s request</source>
        <translation>Supprimer à la demande du client</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Nom légal</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Health problems</source>
        <translation>Problèmes de santé</translation>
    </message>
    <message>
        <source>Medications</source>
        <translation>Médicaments</translation>
    </message>
    <message>
        <source>Allergies</source>
        <translation>Allergies</translation>
    </message>
    <message>
        <source>Legal name, date of birth, phone and health summary are hidden.</source>
        <translation>Le nom légal, la date de naissance, le téléphone et le résumé de santé sont masqués.</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Rendez-vous honoré</translation>
    </message>
    <message>
        <source>Did not attend</source>
        <translation>Rendez-vous manqué</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Orientation refusée</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Visite</translation>
    </message>
    <message>
        <source>{count} x {supply}</source>
        <translation>{count} × {supply}</translation>
    </message>
    <message>
        <source>[entered in error] {line}</source>
        <translation>[saisie erronée] {line}</translation>
    </message>
    <message>
        <source>Client name</source>
        <translation>Nom du client</translation>
    </message>
    <message>
        <source>Back to search (Esc)</source>
        <translation>Retour (Échap)</translation>
    </message>
    <message>
        <source>Back to search</source>
        <translation>Retour à la recherche</translation>
    </message>
    <message>
        <source>Show (Ctrl+Shift+H)</source>
        <translation>Afficher (Ctrl+Maj+H)</translation>
    </message>
    <message>
        <source>Show hidden details</source>
        <translation>Afficher les renseignements masqués</translation>
    </message>
    <message>
        <source>Visits, newest first</source>
        <translation>Visites, les plus récentes d&apos;abord</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Orientations</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents signalés</translation>
    </message>
    <message>
        <source>Visits (newest first; Enter opens one to correct it)</source>
        <translation>Visites (les plus récentes d&apos;abord&#x202f;; Entrée en ouvre une pour la corriger)</translation>
    </message>
    <message>
        <source>Referrals (Enter opens one to correct it)</source>
        <translation>Orientations (Entrée en ouvre une pour la corriger)</translation>
    </message>
    <message>
        <source>Incidents reported</source>
        <translation>Incidents signalés</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
    <message>
        <source>also {aliases}</source>
        <translation>alias {aliases}</translation>
    </message>
    <message>
        <source>code {code}</source>
        <translation>code {code}</translation>
    </message>
    <message>
        <source>code {code} (incomplete)</source>
        <translation>code {code} (incomplet)</translation>
    </message>
    <message>
        <source>ref {ref}</source>
        <translation>réf. {ref}</translation>
    </message>
    <message>
        <source>No visits yet.</source>
        <translation>Aucune visite pour l&apos;instant.</translation>
    </message>
    <message>
        <source>[voided] {referral}</source>
        <translation>[invalidée] {referral}</translation>
    </message>
    <message>
        <source>Ask about the referral to {destination} on {day}</source>
        <translation>Demander comment s&apos;est passée l&apos;orientation vers {destination} du {day}</translation>
    </message>
    <message>
        <source>{outcome}: referral to {destination}</source>
        <translation>{outcome}&#xa0;: orientation vers {destination}</translation>
    </message>
    <message>
        <source>None reported.</source>
        <translation>Aucun incident signalé.</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>non précisé</translation>
    </message>
    <message>
        <source>Shown on request; each view is recorded in the audit log.</source>
        <translation>Affiché sur demande&#x202f;; chaque consultation est inscrite au journal d&apos;audit.</translation>
    </message>
    <message>
        <source>Hide (Ctrl+Shift+H)</source>
        <translation>Masquer (Ctrl+Maj+H)</translation>
    </message>
</context>
<context>
    <name>ClientPicker</name>
    <message>
        <source>Find client</source>
        <translation>Trouver un client</translation>
    </message>
    <message>
        <source>Type a name, alias or code</source>
        <translation>Tapez un nom, un surnom ou un code</translation>
    </message>
    <message>
        <source>{field}: matches</source>
        <translation>{field}&#xa0;: résultats</translation>
    </message>
</context>
<context>
    <name>ClientRegister</name>
    <message>
        <source>Not given</source>
        <translation>Non précisé</translation>
    </message>
    <message>
        <source>F: female</source>
        <translation>F&#xa0;: femme</translation>
    </message>
    <message>
        <source>M: male</source>
        <translation>M&#xa0;: homme</translation>
    </message>
    <message>
        <source>X: another gender</source>
        <translation>X&#xa0;: autre genre</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Pronouns</source>
        <translation>Pronoms</translation>
    </message>
    <message>
        <source>Also known as</source>
        <translation>Autres noms</translation>
    </message>
    <message>
        <source>Gender (code)</source>
        <translation>Genre (code)</translation>
    </message>
    <message>
        <source>First name (code)</source>
        <translation>Prénom (code)</translation>
    </message>
    <message>
        <source>Last name (code)</source>
        <translation>Nom de famille (code)</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Année de naissance</translation>
    </message>
    <message>
        <source>Code chosen by the client</source>
        <translation>Code choisi par la personne</translation>
    </message>
    <message>
        <source>Legal name</source>
        <translation>Nom légal</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>How to reach them</source>
        <translation>Comment joindre la personne</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>Points d&apos;attention</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code CIU</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Nouveau client</translation>
    </message>
    <message>
        <source>The name the client gives (street name is fine)</source>
        <translation>Le nom que la personne donne (un nom de rue convient)</translation>
    </message>
    <message>
        <source>e.g. she/her</source>
        <translation>p. ex. elle, iel</translation>
    </message>
    <message>
        <source>More details</source>
        <translation>Plus de détails</translation>
    </message>
    <message>
        <source>Other names, separated by ;</source>
        <translation>Autres noms, séparés par «&#xa0;;&#xa0;»</translation>
    </message>
    <message>
        <source>Gender for the code</source>
        <translation>Genre pour le code</translation>
    </message>
    <message>
        <source>First name for the code</source>
        <translation>Prénom pour le code</translation>
    </message>
    <message>
        <source>Last name for the code</source>
        <translation>Nom de famille pour le code</translation>
    </message>
    <message>
        <source>YYYY</source>
        <translation>AAAA</translation>
    </message>
    <message>
        <source>instead of the recipe, e.g. FMASM1990</source>
        <translation>au lieu de la règle, p. ex. FMASM1990</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-JJ</translation>
    </message>
    <message>
        <source>Where and how to reach them</source>
        <translation>Où et comment joindre la personne</translation>
    </message>
    <message>
        <source>Short notes for staff, separated by ;</source>
        <translation>Courtes notes pour le personnel, séparées par «&#xa0;;&#xa0;»</translation>
    </message>
    <message>
        <source>A file number from another service, if any</source>
        <translation>Numéro de dossier d&apos;un autre service, s&apos;il y a lieu</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>first name</source>
        <translation>prénom</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>nom de famille</translation>
    </message>
    <message>
        <source>Parts of the code</source>
        <translation>Éléments du code</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Enregistrer (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>Annuler (Échap)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>{label} *</source>
        <translation>{label} *</translation>
    </message>
    <message>
        <source>Chosen code not valid yet: {problem}</source>
        <translation>Le code choisi n&apos;est pas encore valide&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>{code}  (complete)</source>
        <translation>{code}  (complet)</translation>
    </message>
    <message>
        <source>{code}  (incomplete: not counted as a unique person until the missing parts are known)</source>
        <translation>{code}  (incomplet&#xa0;: la personne n&apos;est pas comptée comme unique tant que les éléments manquants ne sont pas connus)</translation>
    </message>
    <message>
        <source>A client with the same code is already registered: {name}</source>
        <translation>Une personne ayant le même code est déjà inscrite&#xa0;: {name}</translation>
    </message>
    <message>
        <source>A client with the same name is already registered: {name}</source>
        <translation>Une personne ayant le même nom est déjà inscrite&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Open {name} instead</source>
        <translation>Ouvrir plutôt {name}</translation>
    </message>
    <message>
        <source>Open the existing client</source>
        <translation>Ouvrir le dossier existant</translation>
    </message>
    <message>
        <source>{label}: {problem}</source>
        <translation>{label}&#xa0;: {problem}</translation>
    </message>
</context>
<context>
    <name>ClientSearch</name>
    <message>
        <source>also {aliases}</source>
        <translation>alias {aliases}</translation>
    </message>
    <message>
        <source>no code</source>
        <translation>sans code</translation>
    </message>
    <message>
        <source>ref {ref}</source>
        <translation>réf. {ref}</translation>
    </message>
    <message>
        <source>legal name {name}</source>
        <translation>nom légal {name}</translation>
    </message>
    <message>
        <source>no legal name</source>
        <translation>sans nom légal</translation>
    </message>
    <message>
        <source>last contact {day}</source>
        <translation>dernier contact {day}</translation>
    </message>
    <message>
        <source>Find a client: name, alias, code or ref</source>
        <translation>Trouver un client&#xa0;: nom, alias, code ou référence</translation>
    </message>
    <message>
        <source>Find a client</source>
        <translation>Trouver un client</translation>
    </message>
    <message>
        <source>Clients found</source>
        <translation>Clients trouvés</translation>
    </message>
    <message>
        <source>New client (Ctrl+N)</source>
        <translation>Nouveau client (Ctrl+N)</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Nouveau client</translation>
    </message>
    <message>
        <source>No name (anonymous): quick contact (Ctrl+K)</source>
        <translation>Sans nom (anonyme)&#xa0;: contact rapide (Ctrl+K)</translation>
    </message>
    <message>
        <source>Anonymous quick contact</source>
        <translation>Contact rapide anonyme</translation>
    </message>
    <message>
        <source>Show &amp;legal names (audited)</source>
        <translation>Afficher les noms &amp;légaux (journalisé)</translation>
    </message>
    <message>
        <source>Show and search legal names (audited)</source>
        <translation>Afficher et chercher les noms légaux (journalisé)</translation>
    </message>
    <message>
        <source>No match. Ctrl+N registers a new client.</source>
        <translation>Aucun résultat. Ctrl+N inscrit un nouveau client.</translation>
    </message>
    <message>
        <source>Type a name, alias, code or ref.</source>
        <translation>Tapez un nom, un alias, un code ou une référence.</translation>
    </message>
    <message numerus="yes">
        <source>%n+ found</source>
        <translation>
            <numerusform>%n+ résultat</numerusform>
            <numerusform>%n+ résultats</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n found</source>
        <translation>
            <numerusform>%n résultat</numerusform>
            <numerusform>%n résultats</numerusform>
        </translation>
    </message>
    <message>
        <source>New client “{name}” (Ctrl+N)</source>
        <translation>Nouveau client «&#xa0;{name}&#xa0;» (Ctrl+N)</translation>
    </message>
</context>
<context>
    <name>ClinicPage</name>
    <message>
        <source>Your clinic</source>
        <translation>Votre clinique</translation>
    </message>
    <message>
        <source>These appear on letters and on the weekly export. You can change them later.</source>
        <translation>Ces renseignements figurent sur les lettres et sur l&apos;exportation hebdomadaire. Vous pourrez les modifier plus tard.</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Nom de la clinique</translation>
    </message>
    <message>
        <source>e.g. Night Outreach Clinic</source>
        <translation>p. ex. Clinique de proximité de nuit</translation>
    </message>
    <message>
        <source>Van name</source>
        <translation>Nom de la fourgonnette</translation>
    </message>
    <message>
        <source>e.g. Van 1</source>
        <translation>p. ex. Fourgonnette 1</translation>
    </message>
    <message>
        <source>Van code</source>
        <translation>Code de la fourgonnette</translation>
    </message>
    <message>
        <source>A short code identifying this van in the weekly export: 1 to 16 capital letters, digits, - or _ (e.g. VAN1).</source>
        <translation>Un code court qui désigne cette fourgonnette dans l&apos;exportation hebdomadaire&#xa0;: de 1 à 16 lettres majuscules, chiffres, - ou _ (p. ex. VAN1).</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>One line each: address, phone (the clinic name prints above them)</source>
        <translation>Une ligne chacun&#xa0;: adresse, téléphone (le nom de la clinique s&apos;imprime au-dessus)</translation>
    </message>
    <message>
        <source>Letterhead lines</source>
        <translation>Lignes de l&apos;en-tête</translation>
    </message>
    <message>
        <source>Letterhead</source>
        <translation>En-tête</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
</context>
<context>
    <name>DeleteClientForm</name>
    <message>
        <source>DELETE</source>
        <translation>SUPPRIMER</translation>
    </message>
    <message>
        <source>Delete a client&apos;s record at their request</source>
        <translation>Supprimer le dossier d&apos;un client à sa demande</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Removed for good</source>
        <translation>Supprimé définitivement</translation>
    </message>
    <message>
        <source>• The name, aliases, legal name, pronouns, date of birth, phone and contact notes</source>
        <translation>• Le nom, les alias, le nom légal, les pronoms, la date de naissance, le téléphone
   et les notes pour joindre la personne</translation>
    </message>
    <message>
        <source>• Health problems, medications and allergies</source>
        <translation>• Les problèmes de santé, les médicaments et les allergies</translation>
    </message>
    <message>
        <source>• The code (UIC) and its parts; only a keyed fingerprint stays, so past
   unique-client counts do not change</source>
        <translation>• Le code (CIU) et ses éléments&#x202f;; seule une empreinte à clé est conservée, pour que
   les décomptes passés de clients uniques ne changent pas</translation>
    </message>
    <message numerus="yes">
        <source>• Reason, notes and follow-up of the %n visit(s), and</source>
        <translation>
            <numerusform>• Le motif, les notes et le suivi de %n visite, ainsi que</numerusform>
            <numerusform>• Les motifs, les notes et le suivi des %n visites, ainsi que</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>   the reason, request, what the client was told and notes of the %n referral(s)</source>
        <translation>
            <numerusform>   le motif, la demande, ce qui a été dit à la personne et les notes de %n orientation</numerusform>
            <numerusform>   les motifs, les demandes, ce qui a été dit à la personne et les notes des %n orientations</numerusform>
        </translation>
    </message>
    <message>
        <source>• Earlier versions kept by corrections of those visits and referrals</source>
        <translation>• Les versions antérieures conservées lors des corrections de ces visites et orientations</translation>
    </message>
    <message>
        <source>Stays, with no name attached</source>
        <translation>Conservé, sans nom associé</translation>
    </message>
    <message numerus="yes">
        <source>• %n visit(s): date, site, services, supplies (for the weekly counts)</source>
        <translation>
            <numerusform>• %n visite&#xa0;: date, lieu, services, matériel remis (pour les décomptes hebdomadaires)</numerusform>
            <numerusform>• %n visites&#xa0;: date, lieu, services, matériel remis (pour les décomptes hebdomadaires)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• %n referral(s): destination, urgency and outcome</source>
        <translation>
            <numerusform>• %n orientation&#xa0;: destination, urgence et résultat</numerusform>
            <numerusform>• %n orientations&#xa0;: destination, urgence et résultat</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>• %n incident report(s), no longer linked to this person</source>
        <translation>
            <numerusform>• %n rapport d&apos;incident, qui n&apos;est plus lié à cette personne</numerusform>
            <numerusform>• %n rapports d&apos;incident, qui ne sont plus liés à cette personne</numerusform>
        </translation>
    </message>
    <message>
        <source>• The audit log entry saying a record was deleted at the client&apos;s request</source>
        <translation>• L&apos;entrée du journal d&apos;audit indiquant qu&apos;un dossier a été supprimé à la demande du client</translation>
    </message>
    <message>
        <source>Type {word} to confirm</source>
        <translation>Tapez {word} pour confirmer</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <source>Use this only when the client asks for their record to be deleted. It cannot be undone.</source>
        <translation>N&apos;utilisez cette fonction que si la personne demande la suppression de son dossier. C&apos;est irréversible.</translation>
    </message>
    <message>
        <source>Type {word} to confirm:</source>
        <translation>Tapez {word} pour confirmer&#xa0;:</translation>
    </message>
    <message>
        <source>type {word} to confirm</source>
        <translation>tapez {word} pour confirmer</translation>
    </message>
</context>
<context>
    <name>DirectoryEditor</name>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>New service</source>
        <translation>Nouveau service</translation>
    </message>
    <message>
        <source>Retire</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Filter services</source>
        <translation>Filtrer les services</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>Filtrer par nom</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Liste des services</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Name on paper</source>
        <translation>Nom imprimé</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Neutral name for client copies (optional)</source>
        <translation>Nom neutre pour les copies du client (facultatif)</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Heures d&apos;ouverture</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Remarques</translation>
    </message>
    <message>
        <source>Client copies show this name: keep it neutral, e.g. “Riverside Health Centre”.</source>
        <translation>Les copies du client affichent ce nom&#xa0;: gardez-le neutre, p. ex. «&#xa0;Centre de santé Riverside&#xa0;».</translation>
    </message>
    <message>
        <source>Service directory: {name}</source>
        <translation>Répertoire des services&#xa0;: {name}</translation>
    </message>
    <message>
        <source>Service directory: new service</source>
        <translation>Répertoire des services&#xa0;: nouveau service</translation>
    </message>
</context>
<context>
    <name>ErrorBanner</name>
    <message>
        <source>Error message</source>
        <translation>Message d&apos;erreur</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export the week for the coordinator</source>
        <translation>Exporter la semaine pour la coordination</translation>
    </message>
    <message>
        <source>Warning: {problem}.</source>
        <translation>Attention&#xa0;: {problem}.</translation>
    </message>
    <message>
        <source>Code secret warning</source>
        <translation>Avertissement sur le secret des codes</translation>
    </message>
    <message>
        <source>Plug in the USB stick, then Choose…</source>
        <translation>Branchez la clé USB, puis Choisir…</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>&amp;Week:</source>
        <translation>&amp;Semaine&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Folder:</source>
        <translation>&amp;Dossier&#xa0;:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
    <message>
        <source>The file is encrypted to the coordinator&apos;s key: only the coordinator can open it, and this laptop cannot read it back. It carries no names.</source>
        <translation>Le fichier est chiffré avec la clé de la coordination&#xa0;: seule la coordination peut l&apos;ouvrir, et cet ordinateur portable ne peut pas le relire. Il ne contient aucun nom.</translation>
    </message>
    <message>
        <source>No coordinator export key is set. Add it in Settings (the coordinator&apos;s public key, age1…) to export.</source>
        <translation>Aucune clé d&apos;exportation de la coordination n&apos;est définie. Pour exporter, ajoutez-la dans Paramètres (la clé publique de la coordination, age1…).</translation>
    </message>
    <message>
        <source>{week}: Monday {monday} to Sunday {sunday}</source>
        <translation>{week}&#xa0;: du lundi {monday} au dimanche {sunday}</translation>
    </message>
    <message>
        <source>dd MMM</source>
        <comment>day and month</comment>
        <translation>d MMMM</translation>
    </message>
    <message>
        <source>dd MMM yyyy</source>
        <comment>day, month and year</comment>
        <translation>d MMMM yyyy</translation>
    </message>
    <message>
        <source>{week} (still in progress)</source>
        <translation>{week} (toujours en cours)</translation>
    </message>
    <message>
        <source>Choose the folder to export to (the USB stick) first.</source>
        <translation>Choisissez d&apos;abord le dossier où exporter (la clé USB).</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist (is the USB stick in?).</source>
        <translation>Le dossier {folder} n&apos;existe pas (la clé USB est-elle branchée&#x202f;?).</translation>
    </message>
    <message>
        <source>Nothing was exported: {problem}.</source>
        <translation>Rien n&apos;a été exporté&#xa0;: {problem}.</translation>
    </message>
    <message>
        <source>{file} is already in {folder}. Replace it?</source>
        <translation>{file} se trouve déjà dans {folder}. Le remplacer&#x202f;?</translation>
    </message>
    <message>
        <source>{week} is still in progress: what is recorded after now will not be in this file. Export it anyway?</source>
        <translation>La semaine {week} est toujours en cours&#xa0;: ce qui sera enregistré à partir de maintenant ne sera pas dans ce fichier. L&apos;exporter quand même&#x202f;?</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Reading the week</source>
        <translation>Lecture de la semaine</translation>
    </message>
    <message>
        <source>Building and encrypting the bundle</source>
        <translation>Préparation et chiffrement du paquet</translation>
    </message>
    <message>
        <source>Writing the file</source>
        <translation>Écriture du fichier</translation>
    </message>
    <message>
        <source>Recording the export</source>
        <translation>Enregistrement de l&apos;exportation</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Terminé.</translation>
    </message>
    <message numerus="yes">
        <source>Saved {file} in {folder} (week {week}, %n contact(s)).</source>
        <translation>
            <numerusform>Fichier {file} enregistré dans {folder} (semaine {week}, %n contact).</numerusform>
            <numerusform>Fichier {file} enregistré dans {folder} (semaine {week}, %n contacts).</numerusform>
        </translation>
    </message>
    <message>
        <source>It replaces the earlier file of that week.</source>
        <translation>Il remplace le fichier précédent de cette semaine.</translation>
    </message>
    <message>
        <source>Give this file to the coordinator.</source>
        <translation>Remettez ce fichier à la coordination.</translation>
    </message>
    <message>
        <source>The export failed: {problem}</source>
        <translation>L&apos;exportation a échoué&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>The file could not be written: {problem}</source>
        <translation>Le fichier n&apos;a pas pu être écrit&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>The export failed ({error}). Nothing was saved.</source>
        <translation>L&apos;exportation a échoué ({error}). Rien n&apos;a été enregistré.</translation>
    </message>
</context>
<context>
    <name>FolderDialog</name>
    <message>
        <source>Choose a folder</source>
        <translation>Choisir un dossier</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Dossiers</translation>
    </message>
</context>
<context>
    <name>FormBase</name>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Enregistrer</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Abandonner</translation>
    </message>
    <message>
        <source>&amp;Keep editing</source>
        <translation>&amp;Continuer la saisie</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Modifications non enregistrées</translation>
    </message>
    <message>
        <source>{form}: the changes are not saved.</source>
        <translation>{form}&#xa0;: les modifications ne sont pas enregistrées.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Not saved. {field}: {problem}</source>
        <translation>Rien n&apos;a été enregistré. {field}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Not saved. {problem}</source>
        <translation>Rien n&apos;a été enregistré. {problem}</translation>
    </message>
</context>
<context>
    <name>FormHost</name>
    <message>
        <source>a visit</source>
        <translation>une visite</translation>
    </message>
    <message>
        <source>a referral</source>
        <translation>une orientation</translation>
    </message>
    <message>
        <source>an incident report</source>
        <translation>un rapport d&apos;incident</translation>
    </message>
    <message>
        <source>a quick contact</source>
        <translation>un contact rapide</translation>
    </message>
    <message>
        <source>a new client&apos;s details</source>
        <translation>les renseignements d&apos;un nouveau client</translation>
    </message>
    <message>
        <source>a form</source>
        <translation>un formulaire</translation>
    </message>
    <message>
        <source>Finish this form first: Ctrl+S saves, Esc cancels.</source>
        <translation>Terminez d&apos;abord ce formulaire&#xa0;: Ctrl+S enregistre, Échap annule.</translation>
    </message>
    <message>
        <source>Cannot open {form}: {problem}</source>
        <translation>Impossible d&apos;ouvrir «&#xa0;{form}&#xa0;»&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Locked, but the unsaved form could not be kept: {problem}</source>
        <translation>Verrouillé, mais le formulaire non enregistré n&apos;a pas pu être conservé&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Locked, but the unsaved form could not be kept ({error})</source>
        <translation>Verrouillé, mais le formulaire non enregistré n&apos;a pas pu être conservé ({error})</translation>
    </message>
    <message>
        <source>{first} and {second}</source>
        <translation>{first} et {second}</translation>
    </message>
    <message>
        <source>The unsaved form was discarded.</source>
        <translation>Le formulaire non enregistré a été abandonné.</translation>
    </message>
    <message numerus="yes">
        <source>%n older kept form(s) will be offered after a later unlock.</source>
        <translation>
            <numerusform>%n formulaire plus ancien, conservé, sera proposé lors d&apos;un prochain déverrouillage.</numerusform>
            <numerusform>%n formulaires plus anciens, conservés, seront proposés lors d&apos;un prochain déverrouillage.</numerusform>
        </translation>
    </message>
    <message>
        <source>Unsaved form kept</source>
        <translation>Formulaire non enregistré conservé</translation>
    </message>
    <message>
        <source>When the app locked, {what} had not been saved. It was kept, encrypted in the vault. Open it again as it was?</source>
        <translation>Lorsque l&apos;application s&apos;est verrouillée, des données n&apos;étaient pas enregistrées&#xa0;: {what}. Elles ont été conservées, chiffrées dans le coffre. Les rouvrir telles quelles&#x202f;?</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Abandonner</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Plus tard</translation>
    </message>
    <message>
        <source>The unsaved form&apos;s client is no longer on record.</source>
        <translation>La personne liée au formulaire non enregistré ne figure plus dans les dossiers.</translation>
    </message>
    <message>
        <source>The unsaved form is back as it was.</source>
        <translation>Le formulaire non enregistré est rouvert tel qu&apos;il était.</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>Visit history</source>
        <translation>Historique de la visite</translation>
    </message>
    <message>
        <source>Visit and its earlier versions</source>
        <translation>La visite et ses versions antérieures</translation>
    </message>
    <message>
        <source>Referral history</source>
        <translation>Historique de l&apos;orientation</translation>
    </message>
    <message>
        <source>Referral and its earlier versions</source>
        <translation>L&apos;orientation et ses versions antérieures</translation>
    </message>
    <message>
        <source>Incident report history</source>
        <translation>Historique du rapport d&apos;incident</translation>
    </message>
    <message>
        <source>Incident report and its earlier versions</source>
        <translation>Le rapport d&apos;incident et ses versions antérieures</translation>
    </message>
    <message>
        <source>choose a visit, referral or incident in the lists first</source>
        <translation>choisissez d&apos;abord une visite, une orientation ou un incident dans les listes</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Liste des versions</translation>
    </message>
    <message>
        <source>Version shown</source>
        <translation>Version affichée</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Corriger…</translation>
    </message>
    <message>
        <source>Correct</source>
        <translation>Corriger</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>Invalider…</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Invalider</translation>
    </message>
    <message>
        <source>Reason for voiding</source>
        <translation>Motif de l&apos;invalidation</translation>
    </message>
    <message>
        <source>Why is this entry void? (Enter to confirm)</source>
        <translation>Pourquoi cette entrée est-elle invalide&#x202f;? (Entrée pour confirmer)</translation>
    </message>
    <message>
        <source>Confirm void</source>
        <translation>Confirmer l&apos;invalidation</translation>
    </message>
    <message>
        <source>{heading} — {name}</source>
        <translation>{heading} — {name}</translation>
    </message>
    <message>
        <source>Version {number} (voided)</source>
        <translation>Version {number} (invalidée)</translation>
    </message>
    <message>
        <source>Version {number} (current)</source>
        <translation>Version {number} (actuelle)</translation>
    </message>
    <message>
        <source>Version {number}
  replaced {when} by {staff}</source>
        <translation>Version {number}
  remplacée le {when} par {staff}</translation>
    </message>
    <message>
        <source>a staff member</source>
        <translation>un membre du personnel</translation>
    </message>
    <message>
        <source>Not voided. {problem}</source>
        <translation>Non invalidée. {problem}</translation>
    </message>
</context>
<context>
    <name>IncidentForm</name>
    <message>
        <source>Include it, anonymised, on the printed alert sheet?</source>
        <translation>L&apos;inscrire, de façon anonyme, sur la fiche d&apos;alerte imprimée&#x202f;?</translation>
    </message>
    <message>
        <source>Share it with the police liaison?</source>
        <translation>Le communiquer à la liaison policière&#x202f;?</translation>
    </message>
    <message>
        <source>On the sheet: when, area, person, vehicle, partial plate, phone and what happened, as typed here. Never who reported it: leave names out.</source>
        <translation>Sur la fiche&#xa0;: date et heure, secteur, personne, véhicule, plaque partielle, téléphone et ce qui s&apos;est passé, tels que saisis ici. Jamais qui l&apos;a signalé&#xa0;: n&apos;inscrivez aucun nom.</translation>
    </message>
    <message>
        <source>What was done, without names: it goes on the alert sheet if they agree.</source>
        <translation>Ce qui a été fait, sans nom&#xa0;: ce texte figure sur la fiche d&apos;alerte si la personne y consent.</translation>
    </message>
    <message>
        <source>New incident report</source>
        <translation>Nouveau rapport d&apos;incident</translation>
    </message>
    <message>
        <source>a police-liaison account cannot record or correct incidents</source>
        <translation>un compte de liaison policière ne peut ni consigner ni corriger d&apos;incidents</translation>
    </message>
    <message>
        <source>Correct incident report (version {version})</source>
        <translation>Corriger le rapport d&apos;incident (version {version})</translation>
    </message>
    <message>
        <source>When it happened</source>
        <translation>Date et heure de l&apos;incident</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Partial plate</source>
        <translation>Plaque partielle</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>Véhicule</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s&apos;est passé</translation>
    </message>
    <message>
        <source>Description of the person</source>
        <translation>Description de la personne</translation>
    </message>
    <message>
        <source>Description of the vehicle</source>
        <translation>Description du véhicule</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Date et heure</translation>
    </message>
    <message>
        <source>The person reporting chooses</source>
        <translation>La personne qui signale choisit</translation>
    </message>
    <message>
        <source>Alert sheet consent</source>
        <translation>Consentement à la fiche d&apos;alerte</translation>
    </message>
    <message>
        <source>Police liaison consent</source>
        <translation>Consentement à la liaison policière</translation>
    </message>
    <message>
        <source>Ask both questions. Nothing is chosen until they answer.</source>
        <translation>Posez les deux questions. Rien n&apos;est coché avant sa réponse.</translation>
    </message>
    <message>
        <source>Reported by (optional)</source>
        <translation>Signalé par (facultatif)</translation>
    </message>
    <message>
        <source>Reported by {name}</source>
        <translation>Signalé par {name}</translation>
    </message>
    <message>
        <source>Reporting client</source>
        <translation>Personne qui signale</translation>
    </message>
    <message>
        <source>this client</source>
        <translation>cette personne</translation>
    </message>
    <message>
        <source>choose yes or no with the person reporting</source>
        <translation>choisissez oui ou non avec la personne qui signale</translation>
    </message>
</context>
<context>
    <name>IncidentList</name>
    <message>
        <source>When</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>Plaque</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>Véhicule</translation>
    </message>
    <message>
        <source>Incident reports</source>
        <translation>Rapports d&apos;incident</translation>
    </message>
    <message>
        <source>Incident reports shared with the police liaison</source>
        <translation>Rapports d&apos;incident communiqués à l&apos;agent de liaison de la police</translation>
    </message>
    <message>
        <source>Search by partial plate or phone</source>
        <translation>Chercher par plaque partielle ou téléphone</translation>
    </message>
    <message>
        <source>Partial plate, phone, or a word of the description</source>
        <translation>Plaque partielle, téléphone ou un mot de la description</translation>
    </message>
    <message>
        <source>Selected report</source>
        <translation>Rapport sélectionné</translation>
    </message>
    <message numerus="yes">
        <source>%n report(s)</source>
        <translation>
            <numerusform>%n rapport</numerusform>
            <numerusform>%n rapports</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <source>Keys (optional)</source>
        <translation>Clés (facultatif)</translation>
    </message>
    <message>
        <source>From the program coordinator. Leave them empty if you do not have them yet; they can be added in Settings.</source>
        <translation>Fournies par la coordination du programme. Laissez ces champs vides si vous ne les avez pas encore&#x202f;; vous pourrez les ajouter dans les Paramètres.</translation>
    </message>
    <message>
        <source>Coordinator&apos;s export key</source>
        <translation>Clé d&apos;exportation de la coordination</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clé de récupération</translation>
    </message>
    <message>
        <source>Program code secret</source>
        <translation>Secret des codes du programme</translation>
    </message>
    <message>
        <source>Given by the coordinator to every van (64 hex digits): exports carry a keyed hash of each client&apos;s code, never the code itself.</source>
        <translation>Remis par la coordination à chaque fourgonnette (64 chiffres hexadécimaux)&#xa0;: les exportations contiennent un hachage à clé du code de chaque personne, jamais le code lui-même.</translation>
    </message>
    <message>
        <source>The weekly export is encrypted to this key, so only the program coordinator can read it.</source>
        <translation>L&apos;exportation hebdomadaire est chiffrée avec cette clé&#xa0;: seule la coordination du programme peut la lire.</translation>
    </message>
    <message>
        <source>Whoever holds the matching secret key can reopen the records if every passphrase is forgotten; keep it offline.</source>
        <translation>La personne qui détient la clé secrète correspondante peut rouvrir les dossiers si toutes les phrases de passe sont oubliées&#x202f;; gardez-la hors ligne.</translation>
    </message>
    <message>
        <source>Creating the records</source>
        <translation>Création des dossiers</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Language of the app</source>
        <translation>Langue de l&apos;application</translation>
    </message>
    <message>
        <source>This laptop&apos;s language ({language})</source>
        <translation>Langue de cet ordinateur ({language})</translation>
    </message>
    <message>
        <source>Applied now: the window opens again at its first page.</source>
        <translation>Appliquée maintenant&#xa0;: la fenêtre se rouvre à sa première page.</translation>
    </message>
    <message>
        <source>Takes effect at your next unlock: finish what is in progress first to apply it now.</source>
        <translation>Prendra effet à votre prochain déverrouillage&#xa0;: terminez d&apos;abord ce qui est en cours pour l&apos;appliquer maintenant.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>{language}: takes effect at your next unlock.</source>
        <translation>{language}&#xa0;: prendra effet à votre prochain déverrouillage.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Find a client</source>
        <translation>&amp;Trouver un client</translation>
    </message>
    <message>
        <source>&amp;New client</source>
        <translation>&amp;Nouveau client</translation>
    </message>
    <message>
        <source>Record &amp;visit</source>
        <translation>Nouvelle &amp;visite</translation>
    </message>
    <message>
        <source>&amp;Quick contact</source>
        <translation>Contact &amp;rapide</translation>
    </message>
    <message>
        <source>&amp;Referral</source>
        <translation>&amp;Orientation</translation>
    </message>
    <message>
        <source>&amp;Incident report</source>
        <translation>Rapport d&apos;&amp;incident</translation>
    </message>
    <message>
        <source>&amp;History / correct</source>
        <translation>&amp;Historique / correction</translation>
    </message>
    <message>
        <source>&amp;Print...</source>
        <translation>Im&amp;primer…</translation>
    </message>
    <message>
        <source>Incident re&amp;ports (search)</source>
        <translation>Rapports d&apos;incident (re&amp;cherche)</translation>
    </message>
    <message>
        <source>Start / end &amp;shift</source>
        <translation>Début / fin du &amp;quart de travail</translation>
    </message>
    <message>
        <source>Service &amp;directory</source>
        <translation>&amp;Répertoire des services</translation>
    </message>
    <message>
        <source>S&amp;taff</source>
        <translation>&amp;Personnel</translation>
    </message>
    <message>
        <source>Se&amp;ttings</source>
        <translation>Paramè&amp;tres</translation>
    </message>
    <message>
        <source>Weekly &amp;export</source>
        <translation>&amp;Exportation hebdomadaire</translation>
    </message>
    <message>
        <source>Safety &amp;alert sheet</source>
        <translation>Fiche d&apos;&amp;alerte de sécurité</translation>
    </message>
    <message>
        <source>Print-later &amp;queue</source>
        <translation>&amp;File d&apos;impressions différées</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Verrouiller</translation>
    </message>
    <message>
        <source>Lock and &amp;quit</source>
        <translation>Verrouiller et q&amp;uitter</translation>
    </message>
    <message>
        <source>&amp;Night theme</source>
        <translation>Thème de &amp;nuit</translation>
    </message>
    <message>
        <source>&amp;Language...</source>
        <translation>&amp;Langue…</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>&amp;Client</source>
        <translation>&amp;Client</translation>
    </message>
    <message>
        <source>&amp;Clinic</source>
        <translation>Cli&amp;nique</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
    <message>
        <source>Open a client first (Ctrl+F finds one).</source>
        <translation>Ouvrez d&apos;abord le dossier d&apos;un client (Ctrl+F pour le trouver).</translation>
    </message>
    <message>
        <source>Nothing to print yet: this client has no referral and no visit.</source>
        <translation>Rien à imprimer pour l&apos;instant&#xa0;: ce client n&apos;a ni orientation ni visite.</translation>
    </message>
    <message>
        <source>Cannot print: {reason}</source>
        <translation>Impression impossible&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>MergeForm</name>
    <message>
        <source>Merge duplicate records</source>
        <translation>Fusionner des dossiers en double</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Fusionner</translation>
    </message>
    <message>
        <source>Duplicate to merge</source>
        <translation>Doublon à fusionner</translation>
    </message>
    <message>
        <source>Keep this record</source>
        <translation>Dossier à conserver</translation>
    </message>
    <message>
        <source>Merge this one into it</source>
        <translation>Dossier à y fusionner</translation>
    </message>
    <message>
        <source>Find the duplicate record, check both, then Merge (Ctrl+S).</source>
        <translation>Trouvez le dossier en double, vérifiez les deux, puis choisissez Fusionner (Ctrl+S).</translation>
    </message>
    <message>
        <source>“{other}” will be merged into “{keep}”: its visits, referrals and incident reports move to the kept record and its name becomes an alias. This cannot be undone from here.</source>
        <translation>«&#xa0;{other}&#xa0;» sera fusionné dans «&#xa0;{keep}&#xa0;»&#xa0;: ses visites, orientations et rapports d&apos;incident passent au dossier conservé, et son nom devient un alias. Cette opération ne peut pas être annulée ici.</translation>
    </message>
    <message>
        <source>find and choose the duplicate record first</source>
        <translation>trouvez et choisissez d&apos;abord le dossier en double</translation>
    </message>
    <message>
        <source>Merging the records…</source>
        <translation>Fusion des dossiers…</translation>
    </message>
    <message>
        <source>the merge stopped with an error ({name})</source>
        <translation>la fusion s&apos;est arrêtée sur une erreur ({name})</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>Please wait</source>
        <translation>Veuillez patienter</translation>
    </message>
</context>
<context>
    <name>PassphraseBox</name>
    <message>
        <source>The vault gets a new key: your old passphrase stops opening it, with any copy of the key file. Backups made before now still open with the passphrases of their day.</source>
        <translation>Le coffre reçoit une nouvelle clé&#xa0;: votre ancienne phrase de passe cesse de l&apos;ouvrir, avec toute copie du fichier de clés. Les sauvegardes faites avant maintenant s&apos;ouvrent toujours avec les phrases de passe de leur époque.</translation>
    </message>
    <message>
        <source>Until the vault is re-keyed (here, or when a staff member is removed), your old passphrase still opens it with an old copy of the key file; every backup holds one.</source>
        <translation>Tant que la clé du coffre n&apos;a pas été changée (ici, ou au retrait d&apos;un membre du personnel), votre ancienne phrase de passe l&apos;ouvre encore avec une ancienne copie du fichier de clés&#x202f;; chaque sauvegarde en contient une.</translation>
    </message>
    <message>
        <source>Your passphrase</source>
        <translation>Votre phrase de passe</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Phrase de passe actuelle</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Nouvelle phrase de passe</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Nouvelle phrase de passe (confirmation)</translation>
    </message>
    <message>
        <source>Re-key the vault now</source>
        <translation>Changer la clé du coffre maintenant</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Changer la phrase de passe</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Actuelle</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <source>New again</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <source>the two entries are not the same</source>
        <translation>les deux saisies ne sont pas identiques</translation>
    </message>
    <message>
        <source>Re-keying the vault…</source>
        <translation>Changement de la clé du coffre…</translation>
    </message>
    <message>
        <source>Changing the passphrase…</source>
        <translation>Changement de la phrase de passe…</translation>
    </message>
    <message>
        <source>Passphrase changed.</source>
        <translation>Phrase de passe changée.</translation>
    </message>
    <message>
        <source>is not your current passphrase</source>
        <translation>n&apos;est pas votre phrase de passe actuelle</translation>
    </message>
    <message>
        <source>the passphrase change failed ({error})</source>
        <translation>le changement de phrase de passe a échoué ({error})</translation>
    </message>
</context>
<context>
    <name>PassphrasePage</name>
    <message>
        <source>Your passphrase</source>
        <translation>Votre phrase de passe</translation>
    </message>
    <message>
        <source>It unlocks the records. Nobody can recover it for you: several words you will remember work best.</source>
        <translation>Elle déverrouille les dossiers. Personne ne pourra la retrouver pour vous&#xa0;: quelques mots dont vous vous souviendrez sont le meilleur choix.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase de passe</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Phrase de passe (confirmation)</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Robustesse de la phrase de passe</translation>
    </message>
    <message>
        <source>Type it again</source>
        <translation>Retapez-la</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Robustesse</translation>
    </message>
    <message numerus="yes">
        <source>must be at least %n character(s)</source>
        <translation>
            <numerusform>doit compter au moins %n caractère</numerusform>
            <numerusform>doit compter au moins %n caractères</numerusform>
        </translation>
    </message>
    <message>
        <source>is too easy to guess: add another word or two</source>
        <translation>est trop facile à deviner&#xa0;: ajoutez un mot ou deux</translation>
    </message>
    <message>
        <source>the two passphrases differ: type them again</source>
        <translation>les deux phrases de passe diffèrent&#xa0;: retapez-les</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <source>Print preview</source>
        <translation>Aperçu avant impression</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copie</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Client&apos;s language</source>
        <translation>Langue du client</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Anglais</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copie</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Page</source>
        <translation>Page affichée</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ Précédente</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>Suivante ▶</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Pleine largeur</translation>
    </message>
    <message>
        <source>Print… (Ctrl+P)</source>
        <translation>Imprimer… (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Enregistrer en PDF…</translation>
    </message>
    <message>
        <source>Print later</source>
        <translation>Imprimer plus tard</translation>
    </message>
    <message>
        <source>Preparing the document…</source>
        <translation>Préparation du document…</translation>
    </message>
    <message>
        <source>the document could not be made ({error})</source>
        <translation>le document n&apos;a pas pu être produit ({error})</translation>
    </message>
    <message>
        <source>Cannot show it: {reason}.</source>
        <translation>Impossible de l&apos;afficher&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Default (English)</source>
        <translation>Par défaut (anglais)</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Page {page} de {pages}</translation>
    </message>
    <message>
        <source>No printer is reachable from this laptop.</source>
        <translation>Aucune imprimante n&apos;est accessible depuis cet ordinateur portable.</translation>
    </message>
    <message>
        <source>Sending the document to the printer…</source>
        <translation>Envoi du document à l&apos;imprimante…</translation>
    </message>
    <message numerus="yes">
        <source>Printed: {document} (%n copies).</source>
        <translation>
            <numerusform>Imprimé&#xa0;: {document} (%n exemplaire).</numerusform>
            <numerusform>Imprimé&#xa0;: {document} (%n exemplaires).</numerusform>
        </translation>
    </message>
    <message>
        <source>Printed: {document}.</source>
        <translation>Imprimé&#xa0;: {document}.</translation>
    </message>
    <message>
        <source>the printer could not be given the job ({error})</source>
        <translation>la tâche n&apos;a pas pu être transmise à l&apos;imprimante ({error})</translation>
    </message>
    <message>
        <source>Printing failed: {reason}.</source>
        <translation>Échec de l&apos;impression&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Enregistrer en PDF</translation>
    </message>
    <message>
        <source>The saved file leaves the encrypted vault: anyone who gets this laptop, the folder or a copy of the file can read it.

Save only when you must, keep it off synced folders and USB sticks, and delete it when it is no longer needed.</source>
        <translation>Le fichier enregistré sort du coffre chiffré&#xa0;: toute personne qui obtient cet ordinateur portable, le dossier ou une copie du fichier peut le lire.

N&apos;enregistrez que si c&apos;est indispensable, gardez le fichier hors des dossiers synchronisés et des clés USB, et supprimez-le dès qu&apos;il n&apos;est plus nécessaire.</translation>
    </message>
    <message>
        <source>“{folder}” is a synced folder: the file would leave this laptop. Nothing was saved; choose another folder.</source>
        <translation>«&#xa0;{folder}&#xa0;» est un dossier synchronisé&#xa0;: le fichier quitterait cet ordinateur portable. Rien n&apos;a été enregistré&#x202f;; choisissez un autre dossier.</translation>
    </message>
    <message>
        <source>Saving the PDF…</source>
        <translation>Enregistrement du PDF…</translation>
    </message>
    <message>
        <source>Saved as PDF: {document}.</source>
        <translation>Enregistré en PDF&#xa0;: {document}.</translation>
    </message>
    <message>
        <source>the file could not be written ({name})</source>
        <translation>le fichier n&apos;a pas pu être écrit ({name})</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Kept to print later: {document}.</source>
        <translation>Gardé pour impression ultérieure&#xa0;: {document}.</translation>
    </message>
    <message numerus="yes">
        <source>Kept to print later, encrypted in the vault (%n waiting). Print it from Print queue when a printer is connected.</source>
        <translation>
            <numerusform>Gardé pour impression ultérieure, chiffré dans le coffre (%n en attente). Imprimez-le depuis la file d&apos;attente d&apos;impression quand une imprimante sera branchée.</numerusform>
            <numerusform>Gardé pour impression ultérieure, chiffré dans le coffre (%n en attente). Imprimez-le depuis la file d&apos;attente d&apos;impression quand une imprimante sera branchée.</numerusform>
        </translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>{reason} The document stays in the queue.</source>
        <translation>{reason} Le document reste dans la file d&apos;attente.</translation>
    </message>
    <message>
        <source>{reason}

Keep the document to print later? It stays encrypted in the vault until a printer is connected.</source>
        <translation>{reason}

Garder le document pour l&apos;imprimer plus tard&#x202f;? Il reste chiffré dans le coffre jusqu&apos;à ce qu&apos;une imprimante soit branchée.</translation>
    </message>
</context>
<context>
    <name>PrintQueue</name>
    <message>
        <source>anonymous</source>
        <translation>anonyme</translation>
    </message>
    <message>
        <source>{first} to {last}</source>
        <translation>du {first} au {last}</translation>
    </message>
    <message>
        <source>no longer printable</source>
        <translation>ne peut plus être imprimé</translation>
    </message>
    <message>
        <source>kept {when}</source>
        <translation>gardé le {when}</translation>
    </message>
    <message>
        <source>Print queue</source>
        <translation>File d&apos;attente d&apos;impression</translation>
    </message>
    <message>
        <source>Documents waiting</source>
        <translation>Documents en attente</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Aperçu…</translation>
    </message>
    <message>
        <source>Print all…</source>
        <translation>Tout imprimer…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message numerus="yes">
        <source>%n document(s) waiting for a printer.</source>
        <translation>
            <numerusform>%n document attend une imprimante.</numerusform>
            <numerusform>%n documents attendent une imprimante.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is waiting to print.</source>
        <translation>Aucun document n&apos;attend d&apos;être imprimé.</translation>
    </message>
    <message>
        <source>{reason}. Remove it from the queue.</source>
        <translation>{reason}. Retirez-le de la file d&apos;attente.</translation>
    </message>
    <message>
        <source>No printer is reachable from this laptop. The documents stay in the queue.</source>
        <translation>Aucune imprimante n&apos;est accessible depuis cet ordinateur portable. Les documents restent dans la file d&apos;attente.</translation>
    </message>
    <message>
        <source>Sending the documents to the printer…</source>
        <translation>Envoi des documents à l&apos;imprimante…</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n document(s) to the printer.</source>
        <translation>
            <numerusform>%n document envoyé à l&apos;imprimante.</numerusform>
            <numerusform>%n documents envoyés à l&apos;imprimante.</numerusform>
        </translation>
    </message>
    <message>
        <source>Printing stopped ({error}); what was not printed stays in the queue.</source>
        <translation>L&apos;impression s&apos;est arrêtée ({error})&#x202f;; ce qui n&apos;a pas été imprimé reste dans la file d&apos;attente.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>service copy</source>
        <translation>copie du service</translation>
    </message>
    <message>
        <source>client copy</source>
        <translation>copie du client</translation>
    </message>
    <message>
        <source>clinical copy</source>
        <translation>copie clinique</translation>
    </message>
    <message>
        <source>referral letter</source>
        <translation>lettre d&apos;orientation</translation>
    </message>
    <message>
        <source>visit summary</source>
        <translation>résumé de visite</translation>
    </message>
    <message>
        <source>alert sheet</source>
        <translation>fiche d&apos;alerte</translation>
    </message>
    <message>
        <source>the document could not be read for printing</source>
        <translation>le document n&apos;a pas pu être lu pour l&apos;impression</translation>
    </message>
    <message>
        <source>the printer did not accept the job</source>
        <translation>l&apos;imprimante n&apos;a pas accepté la tâche</translation>
    </message>
    <message>
        <source>the printer stopped accepting pages</source>
        <translation>l&apos;imprimante a cessé d&apos;accepter des pages</translation>
    </message>
    <message>
        <source>the printer reported an error; nothing may have printed</source>
        <translation>l&apos;imprimante a signalé une erreur&#x202f;; il se peut que rien n&apos;ait été imprimé</translation>
    </message>
</context>
<context>
    <name>QuickContactForm</name>
    <message>
        <source>Quick contact</source>
        <translation>Contact rapide</translation>
    </message>
    <message>
        <source>Quick contact, no name</source>
        <translation>Contact rapide, sans nom</translation>
    </message>
    <message>
        <source>Enter or Ctrl+S</source>
        <translation>Entrée ou Ctrl+S</translation>
    </message>
    <message>
        <source>Needles returned</source>
        <translation>Aiguilles rapportées</translation>
    </message>
    <message>
        <source>Collected for someone else</source>
        <translation>Récupéré pour une autre personne</translation>
    </message>
    <message>
        <source>Type the numbers, Tab between them, Enter to save.</source>
        <translation>Tapez les quantités, Tab pour passer de l&apos;une à l&apos;autre, Entrée pour enregistrer.</translation>
    </message>
</context>
<context>
    <name>RecordText</name>
    <message>
        <source>When</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Supplies</source>
        <translation>Matériel remis</translation>
    </message>
    <message>
        <source>Needles returned</source>
        <translation>Aiguilles rapportées</translation>
    </message>
    <message>
        <source>Overdose reversals reported</source>
        <translation>Surdoses renversées signalées</translation>
    </message>
    <message>
        <source>Collected for someone else</source>
        <translation>Récupéré pour une autre personne</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Faite le</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Destination</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgence</translation>
    </message>
    <message>
        <source>Name on paper</source>
        <translation>Nom inscrit sur la lettre</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <source>Client was told</source>
        <translation>Ce qui a été dit à la personne</translation>
    </message>
    <message>
        <source>Client agrees to share</source>
        <translation>La personne accepte de communiquer</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Notes printed on the service copy</source>
        <translation>Notes imprimées sur la copie du service</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Status date</source>
        <translation>Date de l&apos;état</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Secteur</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Personne</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>Véhicule</translation>
    </message>
    <message>
        <source>Partial plate</source>
        <translation>Plaque partielle</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce qui s&apos;est passé</translation>
    </message>
    <message>
        <source>On the alert sheet</source>
        <translation>Sur la fiche d&apos;alerte</translation>
    </message>
    <message>
        <source>Shared with the police liaison</source>
        <translation>Communiqué à l&apos;agent de liaison de la police</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>{supply}: {count}</source>
        <translation>{supply}&#xa0;: {count}</translation>
    </message>
    <message>
        <source>service {id}</source>
        <translation>service {id}</translation>
    </message>
    <message>
        <source>{caption}: {value}</source>
        <translation>{caption}&#xa0;: {value}</translation>
    </message>
</context>
<context>
    <name>ReferralForm</name>
    <message>
        <source>New referral</source>
        <translation>Nouvelle orientation</translation>
    </message>
    <message>
        <source>Save and print</source>
        <translation>Enregistrer et imprimer</translation>
    </message>
    <message>
        <source>Correct referral (version {version})</source>
        <translation>Corriger l&apos;orientation (version {version})</translation>
    </message>
    <message>
        <source>New referral, with the visit</source>
        <translation>Nouvelle orientation, avec la visite</translation>
    </message>
    <message>
        <source>The visit is not saved yet: saving here saves the visit and this referral together. Esc goes back to the visit, as you left it.</source>
        <translation>La visite n&apos;est pas encore enregistrée&#xa0;: enregistrer ici enregistre ensemble la visite et cette orientation. Échap revient à la visite, telle que vous l&apos;avez laissée.</translation>
    </message>
    <message>
        <source>Destination</source>
        <translation>Service de destination</translation>
    </message>
    <message>
        <source>Filter the service directory</source>
        <translation>Filtrer le répertoire des services</translation>
    </message>
    <message>
        <source>Type to filter the service directory</source>
        <translation>Tapez pour filtrer le répertoire des services</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>Urgence</translation>
    </message>
    <message>
        <source>Name on paper</source>
        <translation>Nom imprimé</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Demande</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>What the client was told</source>
        <translation>Ce qui a été dit à la personne</translation>
    </message>
    <message>
        <source>Client was told</source>
        <translation>Dit à la personne</translation>
    </message>
    <message>
        <source>Print notes on the service copy</source>
        <translation>Imprimer les notes sur la copie du service</translation>
    </message>
    <message>
        <source>Print notes</source>
        <translation>Imprimer les notes</translation>
    </message>
    <message>
        <source>The client agrees to share</source>
        <translation>La personne accepte de communiquer</translation>
    </message>
    <message>
        <source>Disclosure</source>
        <translation>Divulgation</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Consentement</translation>
    </message>
    <message>
        <source>no longer in the directory</source>
        <translation>ne figure plus au répertoire</translation>
    </message>
    <message>
        <source>choose a service from the directory</source>
        <translation>choisissez un service du répertoire</translation>
    </message>
</context>
<context>
    <name>SettingsEditor</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Clinic and van</source>
        <translation>Clinique et fourgonnette</translation>
    </message>
    <message>
        <source>Clinic name</source>
        <translation>Nom de la clinique</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Van name</source>
        <translation>Nom de la fourgonnette</translation>
    </message>
    <message>
        <source>Van code</source>
        <translation>Code de la fourgonnette</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <source>Letterhead lines</source>
        <translation>Lignes de l&apos;en-tête</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Format du papier</translation>
    </message>
    <message>
        <source>Letterhead</source>
        <translation>En-tête</translation>
    </message>
    <message>
        <source>One line per line on printed letters (at most 8).</source>
        <translation>Une ligne saisie par ligne imprimée (8 au maximum).</translation>
    </message>
    <message>
        <source>Where the van is next (printed on client copies)</source>
        <translation>Prochains arrêts de la fourgonnette (imprimés sur les copies du client)</translation>
    </message>
    <message>
        <source>Van schedule</source>
        <translation>Horaire de la fourgonnette</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Quand</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>Add a stop</source>
        <translation>Ajouter un arrêt</translation>
    </message>
    <message>
        <source>Remove stop</source>
        <translation>Retirer l&apos;arrêt</translation>
    </message>
    <message>
        <source>For example: Tuesday 21:00-02:00 | Dundas &amp; Richmond</source>
        <translation>Par exemple&#xa0;: mardi 21 h à 2 h | Dundas &amp; Richmond</translation>
    </message>
    <message>
        <source>Exports and keys</source>
        <translation>Exportations et clés</translation>
    </message>
    <message>
        <source>Coordinator&apos;s export key</source>
        <translation>Clé d&apos;exportation de la coordination</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clé de récupération</translation>
    </message>
    <message>
        <source>Program code secret</source>
        <translation>Secret des codes du programme</translation>
    </message>
    <message>
        <source>Show the secret</source>
        <translation>Afficher le secret</translation>
    </message>
    <message>
        <source>Export key</source>
        <translation>Clé d&apos;exportation</translation>
    </message>
    <message>
        <source>The coordinator&apos;s public key; weekly exports are encrypted to it.</source>
        <translation>Clé publique de la coordination&#x202f;; les exportations hebdomadaires sont chiffrées avec elle.</translation>
    </message>
    <message>
        <source>Can unlock the vault if every passphrase is lost.</source>
        <translation>Permet de déverrouiller le coffre si toutes les phrases de passe sont perdues.</translation>
    </message>
    <message>
        <source>Code secret</source>
        <translation>Secret des codes</translation>
    </message>
    <message>
        <source>From the coordinator; exports carry codes only hashed with it.</source>
        <translation>Fourni par la coordination&#x202f;; les exportations ne portent que des codes hachés avec ce secret.</translation>
    </message>
    <message>
        <source>Code secret warning</source>
        <translation>Avertissement sur le secret des codes</translation>
    </message>
    <message>
        <source>Van signing key</source>
        <translation>Clé de signature de la fourgonnette</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Clé de signature</translation>
    </message>
    <message>
        <source>Locking and backups</source>
        <translation>Verrouillage et sauvegardes</translation>
    </message>
    <message>
        <source>Lock after minutes idle</source>
        <translation>Minutes d&apos;inactivité avant le verrouillage</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Dossier de sauvegarde</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choisir…</translation>
    </message>
    <message>
        <source>Choose backup folder</source>
        <translation>Choisir le dossier de sauvegarde</translation>
    </message>
    <message>
        <source>Backups to keep</source>
        <translation>Sauvegardes à conserver</translation>
    </message>
    <message>
        <source>Lock when idle</source>
        <translation>Verrouillage si inactif</translation>
    </message>
    <message>
        <source>Backups kept</source>
        <translation>Sauvegardes conservées</translation>
    </message>
    <message>
        <source>Fingerprint {fingerprint}: the coordinator registers this line.</source>
        <translation>Empreinte {fingerprint}&#xa0;: la coordination enregistre cette ligne.</translation>
    </message>
    <message>
        <source>Warning: {problem}.</source>
        <translation>Attention&#xa0;: {problem}.</translation>
    </message>
    <message>
        <source>cannot be removed; enter the new key to replace it</source>
        <translation>ne peut pas être supprimée&#x202f;; entrez la nouvelle clé pour la remplacer</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Too easy to guess: add another word or two.</source>
        <translation>Trop facile à deviner&#xa0;: ajoutez un mot ou deux.</translation>
    </message>
    <message>
        <source>Fair. A longer passphrase would be safer.</source>
        <translation>Passable. Une phrase de passe plus longue serait plus sûre.</translation>
    </message>
    <message>
        <source>Strong.</source>
        <translation>Robuste.</translation>
    </message>
    <message>
        <source>must be an age public key: 62 characters starting with age1</source>
        <translation>doit être une clé publique age&#xa0;: 62 caractères commençant par age1</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problème</translation>
    </message>
    <message>
        <source>Create records</source>
        <translation>Créer les dossiers</translation>
    </message>
    <message>
        <source>The records were not created: {problem}</source>
        <translation>Les dossiers n&apos;ont pas été créés&#xa0;: {problem}</translation>
    </message>
</context>
<context>
    <name>ShiftBar</name>
    <message>
        <source>Shift</source>
        <translation>Quart de travail</translation>
    </message>
    <message>
        <source>Site(s), separated by ;</source>
        <translation>Lieu(x), séparés par «&#xa0;;&#xa0;»</translation>
    </message>
    <message>
        <source>Shift sites</source>
        <translation>Lieux du quart</translation>
    </message>
    <message>
        <source>Shift started at</source>
        <translation>Début du quart à</translation>
    </message>
    <message>
        <source>Start or end the shift</source>
        <translation>Commencer ou terminer le quart</translation>
    </message>
    <message>
        <source>from</source>
        <translation>à partir de</translation>
    </message>
    <message>
        <source>Shift running since {time} at {sites}</source>
        <translation>Quart en cours depuis {time}, à {sites}</translation>
    </message>
    <message>
        <source>Shift running since {time}</source>
        <translation>Quart en cours depuis {time}</translation>
    </message>
    <message>
        <source>End shift (Ctrl+Shift+S)</source>
        <translation>Terminer le quart (Ctrl+Maj+S)</translation>
    </message>
    <message>
        <source>No shift running.</source>
        <translation>Aucun quart en cours.</translation>
    </message>
    <message>
        <source>Start shift (Ctrl+Shift+S)</source>
        <translation>Commencer le quart (Ctrl+Maj+S)</translation>
    </message>
    <message>
        <source>End shift</source>
        <translation>Terminer le quart</translation>
    </message>
    <message>
        <source>End the shift running since {time}?</source>
        <translation>Terminer le quart en cours depuis {time}&#x202f;?</translation>
    </message>
    <message>
        <source>Keep it running</source>
        <translation>Continuer le quart</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>Into the results</source>
        <translation>Aller dans les résultats</translation>
    </message>
    <message>
        <source>Open the highlighted client</source>
        <translation>Ouvrir le client en surbrillance</translation>
    </message>
    <message>
        <source>Client page</source>
        <translation>Page du client</translation>
    </message>
    <message>
        <source>Show or hide the hidden details</source>
        <translation>Afficher ou masquer les renseignements masqués</translation>
    </message>
    <message>
        <source>Back to search</source>
        <translation>Retour à la recherche</translation>
    </message>
    <message>
        <source>Open the visit, referral or incident to correct it</source>
        <translation>Ouvrir la visite, l&apos;orientation ou l&apos;incident pour correction</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Nouveau client</translation>
    </message>
    <message>
        <source>More details</source>
        <translation>Plus de détails</translation>
    </message>
    <message>
        <source>Forms</source>
        <translation>Formulaires</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <source>Close (asks first if anything changed)</source>
        <translation>Fermer (demande d&apos;abord s&apos;il y a des changements)</translation>
    </message>
    <message>
        <source>Quick contact</source>
        <translation>Contact rapide</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>Nouvelle visite</translation>
    </message>
    <message>
        <source>Save it with a referral</source>
        <translation>Enregistrer avec une orientation</translation>
    </message>
    <message>
        <source>Tick the service found (type in Find)</source>
        <translation>Cocher le service trouvé (taper dans la recherche)</translation>
    </message>
    <message>
        <source>Needles, pipes, condoms, naloxone inj./nasal, sharps</source>
        <translation>Aiguilles, pipes, condoms, naloxone inj./nasale, contenants</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <source>Save and print</source>
        <translation>Enregistrer et imprimer</translation>
    </message>
    <message>
        <source>Service directory</source>
        <translation>Répertoire des services</translation>
    </message>
    <message>
        <source>New service</source>
        <translation>Nouveau service</translation>
    </message>
    <message>
        <source>Print preview</source>
        <translation>Aperçu avant impression</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>Next / previous page</source>
        <translation>Page suivante / précédente</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportation</translation>
    </message>
    <message>
        <source>Open the calendar in the week box</source>
        <translation>Ouvrir le calendrier du champ de la semaine</translation>
    </message>
    <message>
        <source>Any dialog</source>
        <translation>Toute boîte de dialogue</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>{where}: {what}</source>
        <translation>{where}&#xa0;: {what}</translation>
    </message>
    <message>
        <source>Client and view</source>
        <translation>Client et affichage</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Clinique</translation>
    </message>
    <message>
        <source>On a page, form or dialog</source>
        <translation>Dans une page, un formulaire ou une boîte de dialogue</translation>
    </message>
</context>
<context>
    <name>StaffEditor</name>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Add staff member</source>
        <translation>Ajouter le membre du personnel</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Contact line</source>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <source>Staff members</source>
        <translation>Membres du personnel</translation>
    </message>
    <message>
        <source>Remove selected…</source>
        <translation>Retirer la personne choisie…</translation>
    </message>
    <message>
        <source>Confirm removal</source>
        <translation>Confirmer le retrait</translation>
    </message>
    <message>
        <source>Add a staff member</source>
        <translation>Ajouter un membre du personnel</translation>
    </message>
    <message>
        <source>Printed under their name on letters, e.g. Nora, RN - 555-0100</source>
        <translation>Imprimé sous son nom, p. ex. Nora, inf. - 555-0100</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase de passe</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Phrase de passe (confirmation)</translation>
    </message>
    <message>
        <source>At least {count} characters; nobody can read it back.</source>
        <translation>Au moins {count} caractères&#x202f;; personne ne peut la relire.</translation>
    </message>
    <message>
        <source>the two entries are not the same</source>
        <translation>les deux saisies ne sont pas identiques</translation>
    </message>
    <message>
        <source>Adding… (deriving the key takes a moment)</source>
        <translation>Ajout… (la dérivation de la clé prend un moment)</translation>
    </message>
    <message>
        <source>{name} can now unlock this laptop.</source>
        <translation>{name} peut maintenant déverrouiller cet ordinateur portable.</translation>
    </message>
    <message>
        <source>it stopped with an error ({error})</source>
        <translation>l&apos;opération s&apos;est arrêtée sur une erreur ({error})</translation>
    </message>
    <message>
        <source>staff member</source>
        <translation>membre du personnel</translation>
    </message>
    <message>
        <source>select someone in the list first</source>
        <translation>choisissez d&apos;abord une personne dans la liste</translation>
    </message>
    <message>
        <source>Yes, remove {name}</source>
        <translation>Oui, retirer {name}</translation>
    </message>
    <message>
        <source>Removing {name} re-keys the vault: their passphrase, and every passphrase replaced before now, stop opening it with any copy of the key file. Backups made before now still open with the passphrases of their day.</source>
        <translation>Retirer {name} change la clé du coffre&#xa0;: sa phrase de passe, et toute phrase de passe remplacée jusqu&apos;ici, cessent de l&apos;ouvrir, quelle que soit la copie du fichier de clé. Les sauvegardes faites jusqu&apos;ici s&apos;ouvrent toujours avec les phrases de passe de leur époque.</translation>
    </message>
    <message>
        <source>Re-keying the vault…</source>
        <translation>Changement de la clé du coffre…</translation>
    </message>
    <message>
        <source>{name} was removed.</source>
        <translation>{name} ne fait plus partie du personnel.</translation>
    </message>
</context>
<context>
    <name>StaffPage</name>
    <message>
        <source>You, the first staff member</source>
        <translation>Vous, premier membre du personnel</translation>
    </message>
    <message>
        <source>You can add other staff members later, each with their own passphrase.</source>
        <translation>Vous pourrez ajouter d&apos;autres membres du personnel plus tard, chacun avec sa propre phrase de passe.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>The name you sign in with</source>
        <translation>Le nom avec lequel vous vous connectez</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>Contact line</source>
        <translation>Coordonnées</translation>
    </message>
    <message>
        <source>e.g. Nora, RN - 555-0100 (printed on letters)</source>
        <translation>p. ex. Nora, inf. - 555-0100 (imprimées sur les lettres)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>is required</source>
        <translation>est obligatoire</translation>
    </message>
</context>
<context>
    <name>UnlockWindow</name>
    <message>
        <source>Records are locked</source>
        <translation>Les dossiers sont verrouillés</translation>
    </message>
    <message>
        <source>Staff name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Phrase de passe</translation>
    </message>
    <message>
        <source>Remember my name on this laptop</source>
        <translation>Retenir mon nom sur cet ordinateur</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Déverrouiller</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>Déverrouillage en cours</translation>
    </message>
    <message>
        <source>Backing up the vault: step %v of %m</source>
        <translation>Sauvegarde du coffre&#xa0;: étape %v sur %m</translation>
    </message>
    <message>
        <source>Backing up the vault</source>
        <translation>Sauvegarde du coffre</translation>
    </message>
    <message>
        <source>Unlock message</source>
        <translation>Message de déverrouillage</translation>
    </message>
    <message>
        <source>Enter your staff name and passphrase, then press Enter.</source>
        <translation>Entrez votre nom et votre phrase de passe, puis appuyez sur Entrée.</translation>
    </message>
    <message>
        <source>Enter your passphrase, then press Enter.</source>
        <translation>Entrez votre phrase de passe, puis appuyez sur Entrée.</translation>
    </message>
    <message>
        <source>Type your passphrase, then press Enter.</source>
        <translation>Tapez votre phrase de passe, puis appuyez sur Entrée.</translation>
    </message>
    <message>
        <source>Could not open the records: {problem}</source>
        <translation>Impossible d&apos;ouvrir les dossiers&#xa0;: {problem}</translation>
    </message>
    <message>
        <source>Wrong passphrase.</source>
        <translation>Phrase de passe incorrecte.</translation>
    </message>
    <message>
        <source>{reason} Try again.</source>
        <translation>{reason} Réessayez.</translation>
    </message>
    <message numerus="yes">
        <source>%n failed attempt(s).</source>
        <translation>
            <numerusform>%n tentative échouée.</numerusform>
            <numerusform>%n tentatives échouées.</numerusform>
        </translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>Vous pouvez réessayer maintenant.</translation>
    </message>
    <message>
        <source>Wait {seconds} s before trying again.</source>
        <translation>Attendez {seconds}&#xa0;s avant de réessayer.</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <source>New visit</source>
        <translation>Nouvelle visite</translation>
    </message>
    <message>
        <source>Correct visit (version {version})</source>
        <translation>Corriger la visite (version {version})</translation>
    </message>
    <message>
        <source>Save and refer…</source>
        <translation>Enregistrer et orienter…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Lieu</translation>
    </message>
    <message>
        <source>&amp;When</source>
        <translation>&amp;Date et heure</translation>
    </message>
    <message>
        <source>S&amp;ite</source>
        <translation>&amp;Lieu</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Membre du personnel</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>{service} result</source>
        <translation>{service}&#xa0;: résultat</translation>
    </message>
    <message>
        <source>result</source>
        <translation>résultat</translation>
    </message>
    <message>
        <source>Find a service</source>
        <translation>Trouver un service</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Trouver</translation>
    </message>
    <message>
        <source>Test result</source>
        <translation>Résultat de test</translation>
    </message>
    <message>
        <source>Supplies</source>
        <translation>Matériel remis</translation>
    </message>
    <message>
        <source>Needles returned</source>
        <translation>Aiguilles rapportées</translation>
    </message>
    <message>
        <source>Needles &amp;returned</source>
        <translation>Aiguilles &amp;rapportées</translation>
    </message>
    <message>
        <source>Overdose reversals reported</source>
        <translation>Surdoses renversées signalées</translation>
    </message>
    <message>
        <source>Over&amp;dose reversals reported</source>
        <translation>Surdoses renversées &amp;signalées</translation>
    </message>
    <message>
        <source>Collected for someone &amp;else</source>
        <translation>Récupéré pour une a&amp;utre personne</translation>
    </message>
    <message>
        <source>Collected for someone else</source>
        <translation>Récupéré pour une autre personne</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Suivi</translation>
    </message>
    <message>
        <source>Re&amp;ason</source>
        <translation>&amp;Motif</translation>
    </message>
    <message>
        <source>Follow-&amp;up</source>
        <translation>Su&amp;ivi</translation>
    </message>
</context>
<context>
    <name>WeekBox</name>
    <message>
        <source>a date like 2026-12-01 or a week like 2026-W49</source>
        <translation>une date comme 2026-12-01 ou une semaine comme 2026-W49</translation>
    </message>
    <message>
        <source>{text} is not a date</source>
        <translation>{text} n&apos;est pas une date</translation>
    </message>
    <message>
        <source>type {example}</source>
        <translation>tapez {example}</translation>
    </message>
    <message>
        <source>{week} has not started yet</source>
        <translation>la semaine {week} n&apos;a pas encore commencé</translation>
    </message>
    <message>
        <source>2026-W49 or 2026-12-01</source>
        <translation>2026-W49 ou 2026-12-01</translation>
    </message>
    <message>
        <source>Type {example}; F4 or Alt+Down opens a calendar</source>
        <translation>Tapez {example}&#x202f;; F4 ou Alt+Bas ouvre un calendrier</translation>
    </message>
    <message>
        <source>Not a week: {problem}.</source>
        <translation>Semaine non valide&#xa0;: {problem}.</translation>
    </message>
</context>
<context>
    <name>YesNo</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>{question}: yes</source>
        <translation>{question}&#xa0;: oui</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Non</translation>
    </message>
    <message>
        <source>{question}: no</source>
        <translation>{question}&#xa0;: non</translation>
    </message>
</context>
<context>
    <name>ZoneNote</name>
    <message>
        <source>{field}: time zone</source>
        <translation>{field}&#xa0;: fuseau horaire</translation>
    </message>
    <message>
        <source>No such time here: the clocks jump ahead that night.</source>
        <translation>Cette heure n&apos;existe pas ici&#xa0;: on avance l&apos;heure cette nuit-là.</translation>
    </message>
    <message>
        <source>This time {problem}.</source>
        <translation>Cette heure {problem}.</translation>
    </message>
    <message>
        <source>Happens twice (the clocks go back). Which one?</source>
        <translation>Cette heure revient deux fois (on recule l&apos;heure). Laquelle&#x202f;?</translation>
    </message>
    <message>
        <source>{time} {zone}, the first</source>
        <translation>{time} {zone}, la première</translation>
    </message>
    <message>
        <source>{time} {zone}, the second</source>
        <translation>{time} {zone}, la deuxième</translation>
    </message>
</context>
<context>
    <name>_CalendarPopup</name>
    <message>
        <source>Pick a day of the week to export</source>
        <translation>Choisissez un jour de la semaine à exporter</translation>
    </message>
</context>
<context>
    <name>dialog_buttons</name>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>Record a visit</source>
        <translation>Consigner une visite</translation>
    </message>
    <message>
        <source>Quick contact</source>
        <translation>Contact rapide</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Orientation</translation>
    </message>
    <message>
        <source>Incident report</source>
        <translation>Rapport d&apos;incident</translation>
    </message>
    <message>
        <source>Incident reports</source>
        <translation>Rapports d&apos;incident</translation>
    </message>
    <message>
        <source>History and corrections</source>
        <translation>Historique et corrections</translation>
    </message>
    <message>
        <source>Merge clients</source>
        <translation>Fusionner des dossiers clients</translation>
    </message>
    <message>
        <source>Delete at the client&apos;s request</source>
        <translation>Supprimer à la demande de la personne</translation>
    </message>
    <message>
        <source>Service directory</source>
        <translation>Répertoire des services</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personnel</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Client registered.</source>
        <translation>Client inscrit.</translation>
    </message>
    <message>
        <source>Visit saved.</source>
        <translation>Visite enregistrée.</translation>
    </message>
    <message>
        <source>Quick contact saved.</source>
        <translation>Contact rapide enregistré.</translation>
    </message>
    <message>
        <source>Referral saved.</source>
        <translation>Orientation enregistrée.</translation>
    </message>
    <message>
        <source>Incident report saved.</source>
        <translation>Rapport d&apos;incident enregistré.</translation>
    </message>
    <message>
        <source>Correction saved.</source>
        <translation>Correction enregistrée.</translation>
    </message>
    <message>
        <source>Records merged.</source>
        <translation>Dossiers fusionnés.</translation>
    </message>
    <message>
        <source>Client&apos;s record deleted.</source>
        <translation>Dossier du client supprimé.</translation>
    </message>
    <message>
        <source>Service directory saved.</source>
        <translation>Répertoire des services enregistré.</translation>
    </message>
    <message>
        <source>Staff saved.</source>
        <translation>Personnel enregistré.</translation>
    </message>
    <message>
        <source>Settings saved.</source>
        <translation>Paramètres enregistrés.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Enregistré.</translation>
    </message>
    <message>
        <source>Voided; the earlier version is kept.</source>
        <translation>Annulé&#x202f;; la version précédente est conservée.</translation>
    </message>
    <message>
        <source>Visit and referral saved.</source>
        <translation>Visite et orientation enregistrées.</translation>
    </message>
</context>
</TS>
