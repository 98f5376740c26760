package org.fusionjdbc.emulator.data;

/**
 * Text pools. Several values are deliberately hostile for the driver's escaping: apostrophes, double
 * quotes, backslashes, semicolons, percent and underscore, mixed case, accented letters, CJK and emoji.
 */
final class Texts {
  private Texts() {}

  static final String[] COMPANY = {
    "Acme Corporation", "O'Brien Supplies", "Müller GmbH", "Société Générale d'Équipement", "日本商事株式会社",
    "Straße & Söhne KG", "100% Pure Water Ltd", "Under_Score Inc", "Back\\Slash LLC", "Semi;Colon Partners",
    "Rocket 🚀 Logistics", "lowercase traders", "Quote \"Best\" Office", "Northwind Traders", "Contoso Ltd",
    "Fabrikam Industries", "Globex Corporation", "Initech", "Umbrella Supplies", "Stark Industrial",
    "Wayne Enterprises", "Cyberdyne Systems", "Soylent Foods", "Tyrell Components", "Vandelay Industries",
  };

  static final String[] FIRST = {
    "Kim", "Kimberly", "Nikita", "Akira", "José", "Zoë", "Björn", "Siobhán", "Mary-Jane", "John", "Ana", "Li",
    "Renée", "Ólafur", "Søren", "Mikael", "Anna", "Kiran", "Yuki", "Omar", "Fatima", "Wei", "Priya", "Ken",
  };

  static final String[] LAST = {
    "O'Brien", "Smith", "Müller", "García", "Nguyen", "Kimura", "Łukasiewicz", "D'Angelo", "van der Berg",
    "Johnson", "Okafor", "Straße", "Brown", "Kowalski", "田中", "Dubois", "Ivanova", "Kim", "Patel", "Chen",
  };

  static final String[] DESCRIPTION = {
    "Office supplies", "Consulting services Q1", "Travel; hotel and meals", "50% deposit", "Part_no 12_34",
    "Back\\slash path C:\\temp", "Said \"urgent\" twice", "O'Brien's invoice", "Café crème for the team",
    "Maßnahmen Straße", "日本出張費", "Rocket launch 🚀", "lower case text", "UPPER CASE TEXT", "Mixed Case Text",
    "Freight %_ surcharge", "Software licences", "Hardware maintenance", "Cleaning services", "Catering",
  };

  static final String[] CURRENCY = {"USD", "USD", "USD", "EUR", "EUR", "GBP", "JPY", "CAD"};
  static final String[] COUNTRY = {"US", "US", "GB", "DE", "FR", "JP", "CA", "IN", "BR", "AU"};
  static final String[] CITY = {
    "Redwood City", "Austin", "London", "München", "Paris", "東京", "Toronto", "Bengaluru", "São Paulo",
    "Sydney", "Zürich", "Reykjavík",
  };
  static final String[] DEPARTMENT = {
    "Finance", "Payables", "Receivables", "Procurement", "Human Resources", "Sales", "Marketing", "R&D",
    "Legal", "IT Operations", "Facilities", "Customer Success",
  };
  static final String[] JOB = {"Accountant", "Buyer", "Engineer", "Manager", "Analyst", "Clerk", "Director"};
  static final String[] UOM = {"Each", "Box", "Hours", "Kilogram", "Meter"};
  static final String[] EXPENSE_TYPE = {"Airfare", "Hotel", "Meals", "Car Rental", "Mileage", "Taxi", "Phone"};
  static final String[] MERCHANT = {"United Airlines", "Hilton", "Café de Flore", "Hertz", "Uber", "Starbucks",
    "McDonald's", "Lufthansa", "ANA 全日空", null};
}
